using System;
using System.IO;
using System.Text.Json;

namespace CustomerJourney.Tests.Cli;

/// <summary>
/// cj's JIT settings were each chosen by measurement (the reasons are in its project file): losing one in a project
/// change would slow every run without failing anything else.
/// </summary>
public sealed class RuntimeSettingsTest
{
    [Fact]
    public void RuntimeConfig_CompilesLoopsOptimizedAtOnce_WithoutPgo_AndTiersUpWithoutDelay()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "cj.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation.QuickJitForLoops").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
        Assert.False(properties.TryGetProperty("System.Runtime.TieredCompilation", out _), "tiered compilation stays on: precompiled XmlReader code must be recompiled once hot");
    }
}
