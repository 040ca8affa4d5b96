using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CustomerJourney.Analysis;
using CustomerJourney.Diagnostics;
using CustomerJourney.Events;
using CustomerJourney.Rendering;

namespace CustomerJourney.Tests.Rendering;

/// <summary>
/// The HTML report in a real browser: headless Chromium draws the sushi diagnosis and the screenshot must show the page,
/// its colours and its charts. Skipped, saying so, where no Chromium is installed (.ci/run installs it).
/// </summary>
public sealed class HtmlReportBrowserTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cj-browser-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void SushiReport_RendersInHeadlessChromium_WithItsColoursAndCharts()
    {
        var browser = FindChromium();
        if (browser is null)
        {
            Assert.Skip("no Chromium found (set CJ_CHROMIUM or install the Debian package 'chromium'; .ci/run installs it)");
        }

        var map = JourneyTemplates.SushiRestaurant;
        var log = EventLogReader.Load(SushiLog(), new EventLogOptions { Map = map }, TestContext.Current.CancellationToken);
        var stats = JourneyAnalyzer.Analyze(log, map, new AnalyzerOptions { Outcome = JourneyOutcome.StageReached("comeBack") }, TestContext.Current.CancellationToken);
        var report = JourneyDiagnostician.Diagnose(map, stats);
        var html = Path.Combine(_dir, "report.html");
        File.WriteAllText(html, ReportRenderer.ToHtml(report, map, stats), new System.Text.UTF8Encoding(false));
        var png = Path.Combine(_dir, "report.png");

        Screenshot(browser, html, png, 1200, 1800);

        var image = Png.Read(File.ReadAllBytes(png));
        Assert.Equal((1200, 1800), (image.Width, image.Height));
        var colours = new HashSet<int>();
        long inked = 0, blueLine = 0, irritantRed = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image.At(x, y);
                colours.Add((r << 16) | (g << 8) | b);
                inked += r + g + b < 600 ? 1 : 0;
                blueLine += Near(r, g, b, 0x09, 0x69, 0xda) ? 1 : 0; // the emotion curve (SVG) and the switch matrix
                irritantRed += Near(r, g, b, 0xe2, 0x8b, 0x92) ? 1 : 0; // payment@phone, mean −0.51, in the heatmap (CSS)
            }
        }

        // Not blank: text and charts ink a fair share of the page, in many colours.
        Assert.True(inked > image.Width * image.Height / 100, $"only {inked} dark pixels: the page looks blank");
        Assert.True(colours.Count > 200, $"only {colours.Count} colours");
        Assert.True(blueLine > 500, $"the emotion curve's blue is missing ({blueLine} pixels)");
        Assert.True(irritantRed > 1000, $"the heatmap's red cell is missing ({irritantRed} pixels)");
    }

    internal static string SushiLog()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "CustomerJourney.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        Assert.NotNull(dir);
        return Path.Combine(dir, "samples", "data", "sushi-events.csv");
    }

    internal static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable("CJ_CHROMIUM") is { Length: > 0 } configured)
        {
            return configured;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return (from dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                from name in new[] { "chromium", "chromium-browser", "google-chrome", "chrome", "headless_shell" }
                let file = Path.Combine(dir, name)
                where File.Exists(file)
                select file).FirstOrDefault();
    }

    internal static void Screenshot(string browser, string html, string png, int width, int height)
    {
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                     "--user-data-dir=" + Path.Combine(Path.GetDirectoryName(png)!, "profile"),
                     $"--window-size={width},{height}", "--screenshot=" + png, new Uri(html).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish the screenshot within 90 s");
        }

        Assert.True(File.Exists(png), $"Chromium wrote no screenshot (exit {process.ExitCode}): {stderr.Result}");
    }

    private static bool Near(byte r, byte g, byte b, int er, int eg, int eb) =>
        Math.Abs(r - er) <= 12 && Math.Abs(g - eg) <= 12 && Math.Abs(b - eb) <= 12;
}
