using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace CustomerJourney.Analysis;

/// <summary>
/// The emotion labels of the domain, in English and French, and the sentiment each stands for on the [−1, 1] scale, so that
/// a log that records "déception" or "enchantment" rather than a score still tells how a touchpoint felt.
/// </summary>
/// <remarks>
/// <para>
/// From the seeds' vocabulary: enchantment/enchantement 1.0; delight/ravissement 0.9; pleasure/plaisir 0.7; satisfaction 0.5;
/// relief/soulagement 0.4; surprise 0.3 (a mild positive); indifference/indifférence and neutral/neutre 0; confusion −0.3;
/// disappointment/déception −0.5; annoyance/agacement/énervement −0.6; irritation −0.6; frustration −0.7; stress −0.7;
/// anxiety/anxiété −0.7; anger/colère −0.9. French labels are also accepted without accents (deception, enervement…).
/// </para>
/// <para>
/// Lookups ignore case and surrounding white space. A label not listed has no sentiment: the analyzer counts it in
/// <see cref="JourneyStatistics.UnknownEmotions"/> rather than guessing. Immutable; safe to share across threads.
/// </para>
/// </remarks>
public static class EmotionLexicon
{
    private static readonly Dictionary<string, double> s_entries = Build();

    /// <summary>Every label known, lower case, with its sentiment in [−1, 1].</summary>
    public static IReadOnlyDictionary<string, double> Entries { get; } = new ReadOnlyDictionary<string, double>(s_entries);

    /// <summary>The sentiment an emotion label stands for.</summary>
    /// <param name="label">The label, in any case, with or without surrounding white space.</param>
    /// <param name="sentiment">The sentiment in [−1, 1], when known.</param>
    /// <returns>True when the label is known; false for an unknown, null or blank label.</returns>
    public static bool TryGetSentiment(string? label, out double sentiment)
    {
        sentiment = 0;
        return label is not null && s_entries.TryGetValue(label.Trim(), out sentiment);
    }

    private static Dictionary<string, double> Build()
    {
        var d = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        void Add(double value, params string[] labels)
        {
            foreach (var l in labels)
            {
                d.Add(l, value);
            }
        }

        Add(1.0, "enchantment", "enchantement", "enchanted", "enchanté");
        Add(0.9, "delight", "ravissement", "delighted", "ravi");
        Add(0.7, "pleasure", "plaisir", "joy", "joie");
        Add(0.5, "satisfaction", "satisfied", "satisfait");
        Add(0.4, "relief", "soulagement");
        Add(0.3, "surprise", "surprised", "surpris");
        Add(0.0, "neutral", "neutre", "indifference", "indifférence");
        Add(-0.3, "confusion");
        Add(-0.5, "disappointment", "déception", "deception", "disappointed", "déçu", "decu");
        Add(-0.6, "annoyance", "agacement", "énervement", "enervement", "irritation", "annoyed", "énervé", "enerve");
        Add(-0.7, "frustration", "frustrated", "frustré", "frustre", "stress", "stressed", "stressé", "stresse", "anxiety", "anxiété", "anxiete");
        Add(-0.9, "anger", "colère", "colere", "angry", "en colère");
        return d;
    }
}
