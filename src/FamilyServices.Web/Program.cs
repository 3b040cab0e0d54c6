using FamilyServices.Web.Components;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.ApiDocument;
using FamilyServices.Web.Features.Attendance;
using FamilyServices.Web.Features.Audit;
using FamilyServices.Web.Features.Catalogue;
using FamilyServices.Web.Features.Editing;
using FamilyServices.Web.Features.Language;
using FamilyServices.Web.Features.OpenData;
using FamilyServices.Web.Features.Operations;
using FamilyServices.Web.Features.Privacy;
using FamilyServices.Web.Features.Reach;
using FamilyServices.Web.Platform;

var commandLine = OperatorCommands.Parse(args);
// Help, misuse and the verbs never start the portal; only a verb that runs builds the host (and needs the database).
if (!commandLine.StartsPortal) return await commandLine.RunAsync(() => CreatePortal(OperatorCommands.VerbHostSettings));

await using var app = CreatePortal(args);
app.UsePlatform();
app.UseAccounts();
app.UsePlatformFormProtection();
app.UsePortalPublicAnswers();
app.MapPlatform();
app.MapLanguageSwitch();
app.MapAccounts();
app.MapCatalogue();
app.MapAttendance();
app.MapReach();
app.MapPrivacy();
app.MapOpenData();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

// A verb's own arguments are not settings: its host is configured by files and the environment (and VerbHostSettings).
static WebApplication CreatePortal(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPlatform();
    builder.AddAccounts();
    builder.AddAudit();
    builder.AddCatalogue();
    builder.AddAttendance();
    builder.AddEditing();
    builder.AddReach();
    builder.AddPrivacy();
    builder.AddOpenData();
    builder.AddApiDocument();
    return builder.Build();
}

public partial class Program;
