using System;
using System.Collections.Generic;
using CustomerJourney.Samples.CrmPlugin;

namespace CustomerJourney.Tests.Samples;

/// <summary>The CRM plug-in sample's logic, run on the modern runtime (the sample itself ships for net462).</summary>
public class CrmPluginSampleTest
{
    private static readonly DateTimeOffset s_t0 = new(2026, 9, 1, 18, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Interaction_OnTheDesignedPath_RaisesNothing()
    {
        var warnings = JourneyPlugin.OnInteractionCreated(
            Record("order", "web", 20),
            new[] { Record("search", "web", 0), Record("contact", "web", 10) });
        Assert.Empty(warnings);
    }

    [Fact]
    public void PayingByPhone_IsATouchpointTheJourneyDoesNotOffer()
    {
        var warnings = JourneyPlugin.OnInteractionCreated(Record("payment", "phone", 30), new[] { Record("order", "phone", 20) });
        Assert.Contains(warnings, w => w.Contains("'payment' is not offered on 'phone'", StringComparison.Ordinal));
    }

    [Fact]
    public void SwitchingWithoutAHandoff_IsFlagged_ButADeclaredHandoffIsNot()
    {
        var lost = JourneyPlugin.OnInteractionCreated(Record("contact", "phone", 10), new[] { Record("search", "web", 0) });
        Assert.Contains(lost, w => w.Contains("from 'web' to 'phone'", StringComparison.Ordinal));

        // web -> faceToFace at payment is declared in the sushi map.
        var declared = JourneyPlugin.OnInteractionCreated(Record("payment", "faceToFace", 30), new[] { Record("order", "web", 20) });
        Assert.DoesNotContain(declared, w => w.Contains("no hand-off", StringComparison.Ordinal));
    }

    private static Dictionary<string, object> Record(string stage, string channel, int minutes) => new()
    {
        ["contactid"] = "contact-42",
        ["createdon"] = s_t0.AddMinutes(minutes),
        ["cj_stage"] = stage,
        ["cj_channel"] = channel,
    };
}
