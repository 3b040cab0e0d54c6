using System.Net;
using System.Security.Claims;
using Bunit;
using FamilyServices.Tests.Features.Editing.Feedback;
using FamilyServices.Web.Features.Catalogue;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Features.Editing.ReferenceData.Categories;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using FamilyServices.Web.Features.Editing.ReferenceData.Districts;
using FamilyServices.Web.Features.Editing.ReferenceData.Organisations;
using Microsoft.EntityFrameworkCore;

namespace FamilyServices.Tests.Features.Editing.ReferenceData;

/// <summary>
/// Markup is stored and shown as text; values that are too long or unsafe are refused with a message on their field,
/// as the editor types and again on saving, and a refused form saves nothing at all.
/// </summary>
public class HostileInputTests(ReferenceDataFixture world) : EditorPageTest<ReferenceDataFixture>(world), IClassFixture<ReferenceDataFixture>
{
    private const string Script = "<script>alert('x')</script>";

    public static TheoryData<string, bool> HostileNames => new()
    {
        { Script, true },
        { "Weg 1\"><img src=x onerror=alert(1)>", true },
        { new string('x', 20_000), false },
        { "Zentrum\0Nord", true },
        { "Zentrum \u202Eemmus\u202C Süd", true },
        { "Robert'); DROP TABLE centres;--", true },
        { "=HYPERLINK(\"https://evil.example\",\"Klick\")", true },
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_hostile_name_is_refused_or_stored_as_text_in_every_reference_form_and_nothing_breaks(string name, bool stored)
    {
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);
        var centre = await World.CentreAsync();
        var organisation = await World.OrganisationAsync();
        var district = await World.DistrictAsync();
        var category = await World.CategoryAsync("Bewegung");
        CentreForm centreForm;
        await using (var read = World.NewDb())
        {
            centreForm = CentreForm.From((await CentreEditor.FindAsync(read, editor, centre.Id))!);
        }
        centreForm.Name = name;
        var organisationForm = OrganisationForm.From(organisation);
        organisationForm.Name = name;
        var districtForm = DistrictForm.From(district);
        districtForm.Name = name;
        var categoryForm = CategoryForm.From(category);
        categoryForm.Names["tr"] = name;

        var results = new List<ReferenceSaveResult>();
        await using (var db = await World.DbForAsync(editor)) results.Add(await CentreEditor.SaveAsync(db, editor, centre.Id, centreForm, World.SaveContext()));
        await using (var db = await World.DbForAsync(editor)) results.Add(await OrganisationEditor.SaveAsync(db, editor, organisation.Id, organisationForm, World.SaveContext()));
        await using (var db = await World.DbForAsync(editor)) results.Add(await DistrictEditor.SaveAsync(db, editor, district.Id, districtForm, World.SaveContext()));
        await using (var db = await World.DbForAsync(editor)) results.Add(await CategoryEditor.SaveAsync(db, editor, category.Id, categoryForm, World.SaveContext(), new("en", "de")));

        var expected = ReferenceForms.Clean(name);
        if (stored)
        {
            results.Select(r => r.Status).Should().AllBeEquivalentTo(ReferenceSaveStatus.Saved);
            await using var db = World.NewDb();
            (await db.Centres.AsNoTracking().SingleAsync(c => c.Id == centre.Id)).Name.Should().Be(expected, "a NUL from a copy elsewhere becomes a space; the rest is kept as typed");
            (await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id)).Name.Should().Be(expected);
            (await db.Districts.AsNoTracking().SingleAsync(d => d.Id == district.Id)).Name.Should().Be(expected);
            (await db.Categories.AsNoTracking().Include(c => c.Names).SingleAsync(c => c.Id == category.Id)).Names.Single(n => n.Language == "tr").Name.Should().Be(expected);
        }
        else
        {
            results.Select(r => r.Status).Should().AllBeEquivalentTo(ReferenceSaveStatus.Invalid);
            results.SelectMany(r => r.Problems).Select(p => p.Message).Should().AllSatisfy(m => m.Should().Contain("at most 200 characters (now 20000)"));
            (await World.HistoryAsync("Centre", centre.Id)).Should().BeEmpty();
        }
    }

    [Fact]
    public async Task Markup_in_a_centre_name_is_shown_as_text_on_the_editor_pages_and_the_public_page()
    {
        var centre = await World.CentreAsync();
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);
        CentreForm form;
        await using (var read = World.NewDb())
        {
            form = CentreForm.From((await CentreEditor.FindAsync(read, editor, centre.Id))!);
        }
        form.Name = $"Zentrum {Script}";
        form.Street = "Weg 1\"><img src=x onerror=alert(1)>";
        await using (var db = await World.DbForAsync(editor))
        {
            (await CentreEditor.SaveAsync(db, editor, centre.Id, form, World.SaveContext())).Status.Should().Be(ReferenceSaveStatus.Saved);
        }

        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var page = Open<CentreEditPage>(CentreEditPage.PathFor(centre.Id), p => p.Add(x => x.Id, centre.Id));
        page.FindAll("script, img").Should().BeEmpty("markup in the data never becomes elements");
        page.Find("h1").TextContent.Should().Be($"Zentrum {Script}", "the text is shown, escaped");
        page.ValueOf("street").Should().Be("Weg 1\"><img src=x onerror=alert(1)>", "and a box holds it as its value");
        var list = Render<CentreListPage>();
        await EventuallyAsync(() => list.FindAll($"a[href='{CentreEditPage.PathFor(centre.Id)}']").Should().ContainSingle().Which.TextContent.Should().Be($"Zentrum {Script}"));
        list.FindAll("script, img").Should().BeEmpty();
        using var visitor = await World.ClientAsync();
        var html = await (await visitor.GetAsync(CentrePage.PathFor(centre.Code))).Content.ReadAsStringAsync();
        html.Should().NotContain(Script).And.NotContain("<img src=x").And.Contain("alert");
    }

    [Fact]
    public async Task An_overlong_or_unsafe_centre_form_saves_nothing_and_says_on_each_field_what_to_fix()
    {
        var centre = await World.CentreAsync();
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);
        CentreForm form;
        await using (var read = World.NewDb())
        {
            form = CentreForm.From((await CentreEditor.FindAsync(read, editor, centre.Id))!);
            form.Pad();
        }
        form.Name = new string('x', 201);
        form.Website = "javascript:alert(1)";
        form.TimeZone = "W. Europe Standard Time";
        form.Latitude = "91";
        form.Email = "not an address";
        form.Rooms[0] = new RoomFields { Name = "Turnhalle", Kind = "Hall" };
        form.Hours[DayOfWeek.Tuesday][0] = new HoursFields { Opens = "14:00", Closes = "09:00" };
        form.Hours[DayOfWeek.Monday][0] = new HoursFields { Opens = "08:00", Closes = "12:00" };

        ReferenceSaveResult refused;
        await using (var db = await World.DbForAsync(editor))
        {
            refused = await CentreEditor.SaveAsync(db, editor, centre.Id, form, World.SaveContext());
        }

        refused.Status.Should().Be(ReferenceSaveStatus.Invalid);
        var problems = refused.Problems.ToDictionary(p => p.Field, p => p.Message);
        problems["name"].Should().Be("Name: at most 200 characters (now 201).");
        problems["website"].Should().StartWith("Give a full web address starting with https://");
        problems["timeZone"].Should().Be("Give a time zone by its IANA name, e.g. Europe/Berlin or Europe/Istanbul.");
        problems["latitude"].Should().Be("Give the latitude as a number from -90 to 90, e.g. 51.5362.");
        problems["email"].Should().Be("Give an e-mail address such as info@example.org.");
        problems["hours-tuesday-0-opens"].Should().Be("Tuesday: the closing time must be after the opening time.");
        await using var check = World.NewDb();
        var stored = await check.Centres.AsNoTracking().Include(c => c.Rooms).Include(c => c.OpeningHours).SingleAsync(c => c.Id == centre.Id);
        stored.Name.Should().Be(centre.Name);
        stored.Website.Should().BeNull();
        stored.Rooms.Should().BeEmpty("not even the valid parts of a refused form are saved");
        stored.OpeningHours.Should().BeEmpty();
        (await World.HistoryAsync("Centre", centre.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task On_the_page_a_bad_value_shows_its_problem_as_it_is_typed_and_a_refused_save_lists_every_problem_and_keeps_the_input()
    {
        var centre = await World.CentreAsync();
        await SignInAsync(World.Accounts[EditingPortalFixture.Editor]);
        var page = Open<CentreEditPage>(CentreEditPage.PathFor(centre.Id), p => p.Add(x => x.Id, centre.Id));
        page.Markup.Should().NotContain("Give an e-mail address", "nothing is marked before it is touched");

        await page.TypeAsync("email", "not an address");

        await EventuallyAsync(() => page.Markup.Should().Contain("Give an e-mail address such as info@example.org.", "the rule runs as the editor types"));
        await page.TypeAsync("website", "javascript:alert(1)");
        await page.TypeAsync("room-0-name", "Turnhalle");
        await page.PressAsync("Save");

        await EventuallyAsync(() => page.Find("#problems").TextContent.Should().Contain("Give a full web address starting with https://"));
        page.FindAll("#problems a").Select(a => a.GetAttribute("href")).Should().Contain([$"{CentreEditPage.PathFor(centre.Id)}#email", $"{CentreEditPage.PathFor(centre.Id)}#website"]);
        page.ValueOf("room-0-name").Should().Be("Turnhalle", "what was typed stays in the form");
        await page.TypeAsync("email", "info@example.org");
        await EventuallyAsync(() => page.Find("#problems").TextContent.Should().NotContain("e-mail address", "a corrected field loses its problem at once"));
        await using var db = World.NewDb();
        (await db.Rooms.CountAsync(r => r.CentreId == centre.Id)).Should().Be(0);
    }

    [Fact]
    public async Task Rooms_and_opening_hours_are_saved_with_the_centre_and_recorded_on_it_and_an_unchanged_form_records_nothing()
    {
        var centre = await World.CentreAsync();
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);
        var form = await FormAsync(editor, centre.Id);
        form.Rooms[0] = new RoomFields { Name = "Turnhalle", Kind = "Hall", Capacity = "30" };
        form.Hours[DayOfWeek.Monday][0] = new HoursFields { Opens = "08:00", Closes = "12:00" };
        form.Hours[DayOfWeek.Monday][1] = new HoursFields { Opens = "14:00", Closes = "17:00" };
        form.Accessibility.Add("lift");
        form.TimeZone = "Europe/Amsterdam";

        (await SaveAsync(editor, centre.Id, form)).Status.Should().Be(ReferenceSaveStatus.Saved);

        await using (var db = World.NewDb())
        {
            var stored = await db.Centres.AsNoTracking().Include(c => c.Rooms).Include(c => c.OpeningHours).SingleAsync(c => c.Id == centre.Id);
            stored.Rooms.Should().ContainSingle().Which.Capacity.Should().Be(30);
            stored.OpeningHours.Select(h => (h.Day, h.Opens, h.Closes)).Should().BeEquivalentTo(new[]
            {
                (DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(12, 0)), (DayOfWeek.Monday, new TimeOnly(14, 0), new TimeOnly(17, 0)),
            });
            stored.AccessibilityFeatures.Should().Equal("lift");
            stored.TimeZone.Should().Be("Europe/Amsterdam");
        }
        var history = await World.HistoryAsync("Centre", centre.Id);
        history.Should().ContainSingle();
        history[0].Changes.Should().Contain("(room Turnhalle)").And.Contain("(Monday)").And.Contain("AccessibilityFeatures");

        (await SaveAsync(editor, centre.Id, await FormAsync(editor, centre.Id))).Status.Should().Be(ReferenceSaveStatus.Unchanged);
        (await World.HistoryAsync("Centre", centre.Id)).Should().ContainSingle("saving the form unchanged records nothing");
    }

    [Fact]
    public async Task Overlong_names_of_organisations_and_categories_are_refused_and_nothing_is_saved()
    {
        var organisation = await World.OrganisationAsync();
        var category = await World.CategoryAsync("Bewegung");
        var editor = await World.PrincipalAsync(EditingPortalFixture.Editor);
        var organisationForm = OrganisationForm.From(organisation);
        organisationForm.Name = new string('o', 300);
        organisationForm.Code = "bad code!";
        var categoryForm = CategoryForm.From(category);
        categoryForm.Names["de"] = Script;
        categoryForm.Names["tr"] = new string('ç', 201);

        ReferenceSaveResult organisationRefused, categoryRefused;
        await using (var db = await World.DbForAsync(editor)) organisationRefused = await OrganisationEditor.SaveAsync(db, editor, organisation.Id, organisationForm, World.SaveContext());
        await using (var db = await World.DbForAsync(editor)) categoryRefused = await CategoryEditor.SaveAsync(db, editor, category.Id, categoryForm, World.SaveContext(), new("en", "de"));

        organisationRefused.Problems.Should().Contain(p => p.Field == "name" && p.Message == "Name: at most 200 characters (now 300).");
        organisationRefused.Problems.Should().Contain(p => p.Field == "code" && p.Message.StartsWith("Use at most 40 characters", StringComparison.Ordinal));
        categoryRefused.Problems.Should().ContainSingle().Which.Should().Be(new FamilyServices.Web.Features.Editing.Shared.FormProblem("name-tr", "Name (Türkçe): at most 200 characters (now 201)."));
        await using var check = World.NewDb();
        (await check.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id)).Name.Should().Be(organisation.Name);
        (await check.Categories.AsNoTracking().Include(c => c.Names).SingleAsync(c => c.Id == category.Id)).Names.Should().ContainSingle().Which.Name.Should().Be("Bewegung");
    }

    private async Task<CentreForm> FormAsync(ClaimsPrincipal editor, int id)
    {
        await using var db = World.NewDb();
        var form = CentreForm.From((await CentreEditor.FindAsync(db, editor, id))!);
        form.Pad();
        return form;
    }

    private async Task<ReferenceSaveResult> SaveAsync(ClaimsPrincipal editor, int id, CentreForm form)
    {
        await using var db = await World.DbForAsync(editor);
        return await CentreEditor.SaveAsync(db, editor, id, form, World.SaveContext());
    }
}
