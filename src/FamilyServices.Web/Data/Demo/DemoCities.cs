namespace FamilyServices.Web.Data.Demo;

/// <summary>The demo cities an operator can load into an empty database.</summary>
public static class DemoCities
{
    public delegate Task<string> Loader(FamilyServicesDb db, TimeProvider clock);

    public static readonly IReadOnlyList<string> Names = ["kocaeli", "herne", "mayen-koblenz"];

    public static Loader? Find(string name) => name.ToLowerInvariant() switch
    {
        "kocaeli" => KocaeliDemo.LoadAsync,
        "herne" => HerneDemo.LoadAsync,
        "mayen-koblenz" => MayenKoblenzDemo.LoadAsync,
        _ => null,
    };
}
