namespace FamilyServices.Web.Resources;

/// <summary>Marker for the UI strings in Text.resx (English) and Text.de/.nl/.tr.resx.</summary>
public sealed class Text;
