using FamilyServices.Web.Features.Editing.Offerings;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.ToDo;

namespace FamilyServices.Web.Features.Editing;

/// <summary>The editors' area: programmes, offerings, reference data, proposals and reports from the public.</summary>
public static class EditingModule
{
    public static WebApplicationBuilder AddEditing(this WebApplicationBuilder builder)
    {
        // The rules the interactive editor pages call. They keep no state (each call opens its own context), so a
        // circuit may hold them as long as it lives.
        builder.Services.AddTransient<ProgrammeEditor>();
        builder.Services.AddTransient<OfferingEditor>();
        builder.Services.AddTransient<EditorToDo>();
        return builder;
    }
}
