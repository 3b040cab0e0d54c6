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

var isOperatorCommand = OperatorCommands.IsCommand(args);
// An operator verb's own arguments are not settings: it is configured by files and the environment only.
var builder = WebApplication.CreateBuilder(isOperatorCommand ? [] : args);
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

await using var app = builder.Build();
if (isOperatorCommand) return await OperatorCommands.RunAsync(args, app.Services, Console.Out, Console.Error);

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

public partial class Program;
