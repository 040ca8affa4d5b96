using System;
using System.IO;

namespace CustomerJourney.Tests;

/// <summary>
/// Locates the public event logs and pm4py reference figures in <c>../shared/data</c> beside the repository.
/// Their licences are not ours, so they are never copied in: tests that need them skip with a reason in a user's
/// clone, and <c>.ci/run</c> refuses to run without them, so in CI they always run.
/// </summary>
internal static class TestData
{
    private static readonly Lazy<string?> s_root = new(FindSharedData);

    /// <summary>The repository root (the folder holding CustomerJourney.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary><c>../shared/data/eventlogs</c>; skips the calling test when absent.</summary>
    public static string EventLogs => Path.Combine(RequireShared(), "eventlogs");

    /// <summary><c>../shared/data/reference</c>; skips the calling test when absent.</summary>
    public static string Reference => Path.Combine(RequireShared(), "reference");

    /// <summary>Whether the shared data is there.</summary>
    public static bool IsAvailable => s_root.Value is not null;

    /// <summary>A file of <c>../shared/data/eventlogs</c>; skips the calling test when the folder is absent.</summary>
    public static string EventLog(string fileName) => Path.Combine(EventLogs, fileName);

    private static string RequireShared()
    {
        var root = s_root.Value;
        if (root is null)
        {
            Assert.Skip("../shared/data (public process-mining logs and pm4py reference figures) is not beside this clone; " +
                        "these tests need it and run in CI, where .ci/run requires it.");
        }

        return root!;
    }

    private static string? FindSharedData()
    {
        var candidate = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));
        return Directory.Exists(Path.Combine(candidate, "eventlogs")) ? candidate : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerJourney.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CustomerJourney.sln not found above " + AppContext.BaseDirectory);
    }
}
