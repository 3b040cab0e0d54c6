namespace FamilyServices.Web.Features.OpenData.Import;

/// <summary>The largest dataset an import reads (Portal:OpenData:ImportMaxBytes, 50 MB by default).</summary>
public sealed record CatalogueImportSettings(long MaxBytes);
