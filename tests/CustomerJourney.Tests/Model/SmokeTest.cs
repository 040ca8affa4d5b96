namespace CustomerJourney.Tests.Model;

public class SmokeTest
{
    [Fact]
    public void Builder_BuildsMapWithStagesInOrder()
    {
        var map = JourneyMap.CreateBuilder("t")
            .AddStage("b", "B", order: 2)
            .AddStage("a", "A", order: 1)
            .AddChannel("web", "Web")
            .Build();
        Assert.Equal(new[] { "a", "b" }, new[] { map.Stages[0].Id, map.Stages[1].Id });
    }

    [FsCheck.Xunit.Property]
    public bool Stage_EqualsItself(int order) => new Stage("s", "S", order).Equals(new Stage("s", "S", order));
}
