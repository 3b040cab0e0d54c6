namespace FamilyServices.Web.Data.Demo;

/// <summary>The demo cities an operator can load into an empty database (seed-demo).</summary>
public static class DemoCities
{
    public static readonly IReadOnlyList<string> Names = ["kocaeli", "herne", "leeuwarden", "wiesbaden", "mayen-koblenz"];

    internal static DemoCity? Find(string name) => name.ToLowerInvariant() switch
    {
        "kocaeli" => KocaeliDemo.Build(),
        "herne" => HerneDemo.Build(),
        "leeuwarden" => LeeuwardenDemo.Build(),
        "wiesbaden" => WiesbadenDemo.Build(),
        "mayen-koblenz" => MayenKoblenzDemo.Build(),
        _ => null,
    };
}
