namespace FamilyServices.Web.Domain;

/// <summary>The UI languages of the portal (ISO 639-1). Content may exist in others too.</summary>
public static class Languages
{
    public const string German = "de";
    public const string Dutch = "nl";
    public const string Turkish = "tr";
    public const string English = "en";

    public static readonly IReadOnlyList<string> Supported = [German, Dutch, Turkish, English];

    public static bool IsSupported(string? code) => code is not null && Supported.Contains(code);
}
