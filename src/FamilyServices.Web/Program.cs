using FamilyServices.Web.Components;
using FamilyServices.Web.Features.Accounts;
using FamilyServices.Web.Features.Accounts.SignIn;
using FamilyServices.Web.Features.Attendance.Import;
using FamilyServices.Web.Features.Attendance;
using FamilyServices.Web.Features.Catalogue;
using FamilyServices.Web.Features.Catalogue.Calendar;
using FamilyServices.Web.Features.Language;
using FamilyServices.Web.Features.Reach;
using FamilyServices.Web.Features.Operations;
using FamilyServices.Web.Features.Privacy;
using FamilyServices.Web.Platform;

if (OperatorCommands.IsCommand(args))
{
    return await OperatorCommands.RunFromCommandLineAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalServices();

var app = builder.Build();
app.UsePortalPipeline();
app.MapHealthEndpoints();
app.MapOpenApi();
app.MapLanguageSwitch();
app.MapCatalogueApi();
app.MapCalendarEndpoints();
app.MapAccountApi();
app.MapAttendanceImport();
app.MapReachApi();
app.MapReachExport();
app.MapSignOut();
app.MapSingleMark();
app.MapPrivacyEndpoints();
app.MapRazorComponents<App>();

await app.RunAsync();
return 0;

public partial class Program;
