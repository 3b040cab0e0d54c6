using System.Security.Claims;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Tests.Features.Editing.Proposals;

/// <summary>
/// The test world (centres A and B, an account per role) with two rooms at centre A. Catalogue rows made here bypass
/// the audit; whatever the proposal rules change is audited and credited to the deciding editor.
/// </summary>
public sealed class ProposalFixture : TestWorld
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public Room GroupRoom { get; private set; } = null!;
    public Room Garden { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Reach:RefreshSeconds", "0");
    }

    protected override async Task SeedAsync()
    {
        await using var db = NewDb();
        GroupRoom = new Room { CentreId = CentreA.Id, Name = "Gruppenraum", Kind = RoomKind.Playroom };
        Garden = new Room { CentreId = CentreA.Id, Name = "Garten", Kind = RoomKind.Outdoor };
        db.Rooms.AddRange(GroupRoom, Garden);
        await db.SaveChangesAsync();
    }

    /// <summary>A programme (German and English texts) with a weekly offering at the centre, Tuesdays 15:00–16:00 from next week on.</summary>
    public async Task<(Programme Programme, Offering Offering)> ItemsAsync(bool atCentreA = true)
    {
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        var programme = await catalogue.ProgrammeAsync(PublicationState.Published, ("de", TestCatalogue.Unique("Kinderturnen ")), ("en", TestCatalogue.Unique("Children's gym ")));
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var offering = await catalogue.OfferingAsync(programme, atCentreA ? CentreA : CentreB, PublicationState.Published,
            Schedule.Weekly(from, from.AddDays(27), Weekdays.Tuesday, new TimeOnly(15, 0), new TimeOnly(16, 0)));
        return (programme, offering);
    }

    /// <summary>A context of the portal's own factory (with the history's interceptor) acting as <paramref name="user"/>.</summary>
    public Task<FamilyServicesDb> DbForAsync(ClaimsPrincipal user) =>
        Services.GetRequiredService<IDbContextFactory<FamilyServicesDb>>().CreateForAsync(user);

    /// <summary>The portal's English texts.</summary>
    public IStringLocalizer<Text> English
    {
        get
        {
            System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");
            return Services.GetRequiredService<IStringLocalizer<Text>>();
        }
    }

    /// <summary>The name the portal shows for an account (its display name, made from its address).</summary>
    public static string NameOf(Account account) => account.Email.Split('@')[0];
}
