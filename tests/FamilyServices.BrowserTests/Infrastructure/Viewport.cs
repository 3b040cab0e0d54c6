namespace FamilyServices.BrowserTests.Infrastructure;

public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Phone = new("phone", 360, 800, IsMobile: true);
    public static readonly Viewport Desktop = new("desktop", 1280, 800, IsMobile: false);

    /// <summary>For [Theory] data: "phone" or "desktop".</summary>
    public static Viewport Named(string name) => name switch
    {
        "phone" => Phone,
        "desktop" => Desktop,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Use phone or desktop."),
    };

    public override string ToString() => Name;
}
