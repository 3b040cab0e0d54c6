namespace FamilyServices.Web.Features.Editing;

/// <summary>The editors' area: programmes, offerings, reference data, proposals and reports from the public.</summary>
public static class EditingModule
{
    public static WebApplicationBuilder AddEditing(this WebApplicationBuilder builder) => builder;
}
