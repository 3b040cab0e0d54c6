using System.Globalization;
using System.Security.Claims;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Offerings;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.Shared;
using FamilyServices.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>
/// The test world (two centres, an account per role) with what the catalogue's editors need besides: a category, a
/// room at centre A and a second editor. Programmes made here bypass the history (<see cref="PortalFixture.NewDb()"/>);
/// everything done through the editors' rule classes and pages is recorded.
/// </summary>
public class EditorWorld : TestWorld
{
    public Category Category { get; private set; } = null!;
    public Room RoomA { get; private set; } = null!;
    public Account SecondEditor { get; private set; } = null!;
    public TimeZoneInfo CityZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    protected override async Task SeedAsync()
    {
        await using (var db = NewDb())
        {
            Category = new Category { Code = TestCatalogue.Unique("cat"), Names = [new CategoryName { Language = "de", Name = "Bewegung" }, new CategoryName { Language = "en", Name = "Movement" }] };
            db.Categories.Add(Category);
            RoomA = new Room { CentreId = CentreA.Id, Name = "Gruppenraum", Kind = RoomKind.Playroom };
            db.Rooms.Add(RoomA);
            await db.SaveChangesAsync();
        }
        SecondEditor = await AccountAsync($"editor.two.{Guid.NewGuid():N}@example.org", Roles.Editor);
    }

    public ProgrammeEditor Programmes => Services.GetRequiredService<ProgrammeEditor>();

    public OfferingEditor Offerings => Services.GetRequiredService<OfferingEditor>();

    /// <summary>The portal's UI texts, in the current UI language: expected messages are the portal's own words.</summary>
    public IStringLocalizer<Text> Texts => Services.GetRequiredService<IStringLocalizer<Text>>();

    /// <summary>A programme made directly in the database (no history), with an offering at centre A when asked.</summary>
    public async Task<Programme> ProgrammeAsync(PublicationState state = PublicationState.Draft, bool atCentreA = true,
        PublicationState offeringState = PublicationState.Draft)
    {
        await using var db = NewDb();
        var catalogue = new TestCatalogue(db);
        var programme = await catalogue.ProgrammeAsync(state, ("de", TestCatalogue.Unique("Kinderturnen ")), ("en", TestCatalogue.Unique("Children's gym ")));
        if (atCentreA) await catalogue.OfferingAsync(programme, CentreA, offeringState, FutureWeekly());
        return programme;
    }

    /// <summary>A weekly schedule a week from now for three months: every meeting lies ahead.</summary>
    public static Schedule FutureWeekly()
    {
        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        return Schedule.Weekly(from, from.AddMonths(3), Weekdays.Tuesday, new TimeOnly(15, 0), new TimeOnly(16, 0));
    }

    /// <summary>A complete, valid programme form; tests change what they need.</summary>
    public ProgrammeForm NewForm(string? code = null, string? titleDe = null, string? titleEn = null)
    {
        var form = new ProgrammeForm
        {
            Code = code ?? TestCatalogue.Unique("ED-"),
            Type = nameof(ProgrammeType.MovementAndSport),
            CategoryId = Category.Id.ToString(CultureInfo.InvariantCulture),
            ForChildren = true,
            MinYears = "3",
            MaxYears = "6",
            IsFree = true,
            RegistrationMode = nameof(RegistrationMode.AtCentre),
            DeliveryLanguages = ["de"],
            LastCheckedOn = "2026-10-01",
        };
        form.Texts["de"].Title = titleDe ?? TestCatalogue.Unique("Bewegungsspiele ");
        form.Texts["de"].Summary = "Toben, klettern und balancieren.";
        form.Texts["de"].Description = "Jede Woche neue Bewegungsspiele.";
        if (titleEn is not null)
        {
            form.Texts["en"].Title = titleEn;
            form.Texts["en"].Summary = "Running, climbing and balancing.";
        }
        return form;
    }

    /// <summary>The stored programme's form, as its edit page would show it (with its current version).</summary>
    public async Task<ProgrammeForm> FormOfAsync(int programmeId)
    {
        await using var db = NewDb();
        var programme = await db.Programmes.AsNoTracking().Include(p => p.Texts).SingleAsync(p => p.Id == programmeId);
        return ProgrammeForm.From(programme, CityZone);
    }

    /// <summary>Creates a programme through the editor's rules as <paramref name="account"/>; fails the test when refused.</summary>
    public async Task<int> CreateAsync(Account account, ProgrammeForm form)
    {
        var result = await Programmes.SaveAsync(await PrincipalAsync(account), null, form);
        result.Status.Should().Be(SaveStatus.Saved, string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Message}")) + result.Message);
        return result.Id;
    }

    public async Task<uint> ProgrammeVersionAsync(int programmeId)
    {
        await using var db = NewDb();
        return await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.Version).SingleAsync();
    }

    public async Task<uint> OfferingVersionAsync(int offeringId)
    {
        await using var db = NewDb();
        return await db.Offerings.Where(o => o.Id == offeringId).Select(o => o.Version).SingleAsync();
    }

    public async Task<PublicationState> ProgrammeStateAsync(int programmeId)
    {
        await using var db = NewDb();
        return await db.Programmes.Where(p => p.Id == programmeId).Select(p => p.PublicationState).SingleAsync();
    }

    public async Task<int> HistoryCountAsync(string itemType, int itemId)
    {
        await using var db = NewDb();
        return await db.CatalogueChanges.CountAsync(c => c.ItemType == itemType && c.ItemId == itemId);
    }

    /// <summary>Takes <paramref name="account"/>'s role away in the database (the principal a page holds keeps it).</summary>
    public async Task RemoveRoleAsync(Account account)
    {
        await using var scope = Scope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(account.Id);
        (await users.RemoveFromRoleAsync(user!, account.Role)).Succeeded.Should().BeTrue();
    }

    /// <summary>Takes <paramref name="account"/> off every centre in the database.</summary>
    public async Task RemoveFromCentresAsync(Account account)
    {
        await using var db = NewDb();
        db.StaffCentres.RemoveRange(db.StaffCentres.Where(s => s.UserId == account.Id));
        await db.SaveChangesAsync();
    }

    /// <summary>Who <paramref name="principal"/> is, for messages that name an account.</summary>
    public static string? IdOf(ClaimsPrincipal principal) => principal.FindFirstValue(ClaimTypes.NameIdentifier);
}
