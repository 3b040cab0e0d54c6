using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Bunit;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Data;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Offerings;
using FamilyServices.Web.Features.Editing.Programmes;
using FamilyServices.Web.Features.Editing.ReferenceData;
using FamilyServices.Web.Features.Editing.ReferenceData.Categories;
using FamilyServices.Web.Features.Editing.ReferenceData.Centres;
using FamilyServices.Web.Features.Editing.ReferenceData.Districts;
using FamilyServices.Web.Features.Editing.ReferenceData.Organisations;
using FamilyServices.Web.Features.Editing.Shared;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Tests.BadInput;

/// <summary>
/// The interactive edit forms have no HTTP form to post to: their handlers hand the typed form to a rule class. Every
/// text field of every such form gets each hostile value (<see cref="FormFuzzTests.Payloads"/> and impossible dates
/// and times), one field at a time, the others as the item holds them, through the same rule class the page calls,
/// against the real database. Whatever it makes of it: no exception; either a message on that field and nothing
/// written (no row added, no field of the item changed), or a save whose stored value is the input (up to spaces and
/// control characters, which the forms turn into spaces and trim: never cut short without a message). The values
/// markup could break out of, once stored, are shown on the item's page as text, never as elements or attributes.
/// </summary>
public sealed class EditFormFuzzTests(BadInputFixture world) : InteractivePageTest(world), IClassFixture<BadInputFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    /// <summary>The hostile values of the HTTP walk, and dates and times that do not exist.</summary>
    private static readonly string[] Payloads = [.. FormFuzzTests.Payloads, "2026-02-30", "31.02.2026", "25:61", "2026-02-30T25:61"];

    /// <summary>The values that would break out of markup if written into a page unescaped.</summary>
    private static readonly string[] MarkupPayloads = [.. FormFuzzTests.Payloads.Where(p => p.Contains('<') || p.Contains("data-fs-xss", StringComparison.Ordinal))];

    /// <summary>A field whose problem the form reports on another field (a pair of inputs, or the hidden version that asks for a reload).</summary>
    private static readonly Dictionary<string, string> ReportedOn = new(StringComparer.OrdinalIgnoreCase)
    {
        ["minMonths"] = "minYears",
        ["maxMonths"] = "maxYears",
        ["version"] = "*",
    };

    private BadInputFixture Fuzz => (BadInputFixture)World;

    [Fact]
    public async Task Every_field_of_the_programme_form_takes_hostile_input_without_an_exception_a_silent_cut_or_a_partial_write()
    {
        var editor = await EditorAsync();
        Programme programme;
        await using (var db = World.NewDb())
        {
            // Texts in every language, so that one field of a language is tried with the rest of it filled in.
            programme = await new TestCatalogue(db).ProgrammeAsync(PublicationState.Draft, [.. Languages.Supported.Select(l => (l, $"Fuzzgruppe {l}"))]);
        }
        await using var scope = Scope();
        var rules = scope.ServiceProvider.GetRequiredService<ProgrammeEditor>();
        await SweepAsync(new FormUnderTest<ProgrammeForm>(
            "programme",
            async () => (await rules.LoadAsync(editor, programme.Id))!.Form,
            async form => Outcome.Of(await rules.SaveAsync(editor, programme.Id, form)),
            what => Shown<ProgrammeEditPage>(what, $"/editor/programmes/{programme.Id}", p => p.Add(x => x.Id, programme.Id)),
            // A price is asked for (and kept) only when the programme is not free.
            Ignored: form => form.IsFree ? ["Price"] : []));
    }

    [Fact]
    public async Task Every_field_of_the_offering_form_takes_hostile_input_without_an_exception_a_silent_cut_or_a_partial_write()
    {
        var editor = await EditorAsync();
        Offering offering;
        await using (var db = World.NewDb())
        {
            var catalogue = new TestCatalogue(db);
            var programme = await catalogue.ProgrammeAsync(PublicationState.Draft, ("de", "Fuzzangebot"));
            offering = await catalogue.OfferingAsync(programme, World.CentreA, PublicationState.Draft);
        }
        await using var scope = Scope();
        var rules = scope.ServiceProvider.GetRequiredService<OfferingEditor>();
        await SweepAsync(new FormUnderTest<OfferingForm>(
            "offering",
            async () => (await rules.LoadAsync(editor, offering.Id))!.Form,
            async form => Outcome.Of(await rules.SaveAsync(editor, offering.Id, offering.ProgrammeId, form)),
            what => Shown<OfferingEditPage>(what, $"/editor/offerings/{offering.Id}", p => p.Add(x => x.Id, offering.Id))));
    }

    [Fact]
    public async Task Every_field_of_the_centre_form_takes_hostile_input_without_an_exception_a_silent_cut_or_a_partial_write()
    {
        var editor = await EditorAsync();
        Centre centre;
        await using (var db = World.NewDb())
        {
            centre = await new TestCatalogue(db).CentreAsync();
        }
        await SweepAsync(new FormUnderTest<CentreForm>(
            "centre",
            async () =>
            {
                await using var db = World.NewDb();
                var form = CentreForm.From((await CentreEditor.FindAsync(db, editor, centre.Id))!);
                form.Pad();
                // The box of other languages adds to the languages spoken; the page shows those it has no tick box for there.
                form.OtherLanguages = string.Join(", ", form.Languages.Except(CentreForm.CommonLanguages));
                return form;
            },
            async form =>
            {
                await using var db = await DbForAsync(editor);
                return Outcome.Of(await CentreEditor.SaveAsync(db, editor, centre.Id, form, SaveContext()));
            },
            what => Shown<CentreEditPage>(what, $"/editor/centres/{centre.Id}", p => p.Add(x => x.Id, centre.Id)),
            // A reason and a date to reopen belong to a closed centre only.
            Ignored: form => form.Status == nameof(CentreStatus.Open) ? ["StatusReason", "ClosedUntil"] : []));
    }

    [Fact]
    public async Task Every_field_of_the_district_form_takes_hostile_input_without_an_exception_a_silent_cut_or_a_partial_write()
    {
        var editor = await EditorAsync();
        var district = await NewDistrictAsync();
        await SweepAsync(new FormUnderTest<DistrictForm>(
            "district",
            async () =>
            {
                await using var db = World.NewDb();
                return DistrictForm.From((await DistrictEditor.FindAsync(db, editor, district.Id))!.District);
            },
            async form =>
            {
                await using var db = await DbForAsync(editor);
                return Outcome.Of(await DistrictEditor.SaveAsync(db, editor, district.Id, form, SaveContext()));
            },
            what => Shown<DistrictEditPage>(what, $"/editor/districts/{district.Id}", p => p.Add(x => x.Id, district.Id))));
    }

    [Fact]
    public async Task Every_field_of_the_organisation_form_takes_hostile_input_without_an_exception_a_silent_cut_or_a_partial_write()
    {
        var editor = await EditorAsync();
        var organisation = new Organisation { Code = TestCatalogue.Unique("ORG"), Name = "Fuzz e.V.", Kind = OrganisationKind.WelfareAssociation };
        await using (var db = World.NewDb())
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }
        await SweepAsync(new FormUnderTest<OrganisationForm>(
            "organisation",
            async () =>
            {
                await using var db = World.NewDb();
                return OrganisationForm.From((await OrganisationEditor.FindAsync(db, editor, organisation.Id))!.Organisation);
            },
            async form =>
            {
                await using var db = await DbForAsync(editor);
                return Outcome.Of(await OrganisationEditor.SaveAsync(db, editor, organisation.Id, form, SaveContext()));
            },
            what => Shown<OrganisationEditPage>(what, $"/editor/organisations/{organisation.Id}", p => p.Add(x => x.Id, organisation.Id))));
    }

    [Fact]
    public async Task Every_field_of_the_category_form_takes_hostile_input_without_an_exception_a_silent_cut_or_a_partial_write()
    {
        var editor = await EditorAsync();
        var category = new Category { Code = TestCatalogue.Unique("fuzz"), Names = [new CategoryName { Language = "de", Name = "Fuzz" }] };
        await using (var db = World.NewDb())
        {
            db.Categories.Add(category);
            await db.SaveChangesAsync();
        }
        var city = World.City.DefaultLanguage;
        await SweepAsync(new FormUnderTest<CategoryForm>(
            "category",
            async () =>
            {
                await using var db = World.NewDb();
                return CategoryForm.From(await db.Categories.AsNoTracking().Include(c => c.Names).SingleAsync(c => c.Id == category.Id));
            },
            async form =>
            {
                await using var db = await DbForAsync(editor);
                return Outcome.Of(await CategoryEditor.SaveAsync(db, editor, category.Id, form, SaveContext(), new("en", city)));
            },
            what => Shown<CategoryEditPage>(what, $"/editor/categories/{category.Id}", p => p.Add(x => x.Id, category.Id))));
    }

    // ---- The sweep ----

    /// <summary>What a rule class answered: saved, or refused with problems on fields and/or a message.</summary>
    private sealed record Outcome(bool Saved, IReadOnlyList<FormProblem> Problems, string? Message)
    {
        public static Outcome Of(SaveResult result) => new(result.Status == SaveStatus.Saved, result.Problems, result.Message);

        public static Outcome Of(ReferenceSaveResult result) => new(result.Succeeded, result.Problems, result.Conflict);
    }

    /// <summary>
    /// A form as its page holds it: read from the item as stored now, saved through the page's rule class, and the
    /// page that shows it. <paramref name="Ignored"/>: fields the form rightly leaves alone in the item's state.
    /// </summary>
    private sealed record FormUnderTest<TForm>(string Name, Func<Task<TForm>> Load, Func<TForm, Task<Outcome>> Save,
        Func<string, List<string>> Shown, Func<TForm, IReadOnlyList<string>>? Ignored = null) where TForm : class;

    /// <summary>One text input of a form: its id on the page (as the form's problems name it) and how to read and type into it.</summary>
    private sealed record Field(string Id, string Property, Func<object, string> Get, Action<object, string> Set);

    private async Task SweepAsync<TForm>(FormUnderTest<TForm> target) where TForm : class
    {
        var failures = new List<string>();
        var fields = Fields(await target.Load());
        fields.Should().NotBeEmpty($"the {target.Name} form has fields to try");
        var acceptedMarkup = MarkupPayloads.ToDictionary(p => p, _ => new List<Field>());
        var tried = 0;

        foreach (var field in fields)
        {
            foreach (var payload in Payloads)
            {
                var what = $"{target.Name} field {field.Id} = {Show(payload)}";
                var before = await Fuzz.RowCountsAsync();
                var form = await target.Load();
                var held = Snapshot(fields, form);
                field.Set(form, payload);
                Outcome outcome;
                try
                {
                    outcome = await target.Save(form);
                }
                catch (Exception e)
                {
                    failures.Add($"{what}: {e.GetType().Name}: {e.Message}");
                    continue;
                }
                tried++;
                var stored = await target.Load();
                if (outcome.Saved)
                {
                    // A blank field takes its default (a code or address made from the title, age 0); a field the item's state makes irrelevant is left alone.
                    if (Essence(payload).Length == 0 || target.Ignored?.Invoke(form).Contains(field.Property) == true) continue;
                    if (!string.Equals(Essence(field.Get(stored)), Essence(payload), StringComparison.OrdinalIgnoreCase))
                    {
                        failures.Add($"{what}: saved, but the item holds {Show(field.Get(stored))}");
                    }
                    else if (acceptedMarkup.TryGetValue(payload, out var accepted))
                    {
                        accepted.Add(field);
                    }
                    continue;
                }
                var messages = outcome.Problems.Select(p => p.Message).Append(outcome.Message ?? "").Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
                if (messages.Count == 0) failures.Add($"{what}: refused without a message");
                else if (!outcome.Problems.Any(p => Names(field, p.Field)) && !(ReportedOn.GetValueOrDefault(field.Id) == "*"))
                {
                    failures.Add($"{what}: refused, but not on its field: {string.Join(" / ", outcome.Problems.Select(p => $"{p.Field}: {p.Message}"))} {outcome.Message}");
                }
                var changedRows = BadInputFixture.Changed(before, await Fuzz.RowCountsAsync()).ToList();
                if (changedRows.Count > 0) failures.Add($"{what}: refused, yet rows were written: {string.Join(", ", changedRows)}");
                var changedFields = Snapshot(fields, stored).Where(f => held[f.Key] != f.Value).Select(f => f.Key).ToList();
                if (changedFields.Count > 0) failures.Add($"{what}: refused, yet the item changed in {string.Join(", ", changedFields)}");
            }
        }

        // Every value that could break out of markup, in every field that stored it at once, on the item's page.
        acceptedMarkup.Values.Should().Contain(a => a.Count > 0, $"some field of the {target.Name} form stores markup as text, and its page is checked");
        foreach (var (payload, accepted) in acceptedMarkup.Where(a => a.Value.Count > 0))
        {
            var form = await target.Load();
            foreach (var field in accepted) field.Set(form, payload);
            var outcome = await target.Save(form);
            if (!outcome.Saved)
            {
                failures.Add($"{target.Name}: {Show(payload)} in {string.Join(", ", accepted.Select(f => f.Id))} at once was refused: {string.Join(" / ", outcome.Problems.Select(p => p.Message))}");
                continue;
            }
            failures.AddRange(target.Shown($"{target.Name} page with {Show(payload)} in {string.Join(", ", accepted.Select(f => f.Id))}"));
        }

        string.Join(Environment.NewLine, failures).Should().BeEmpty($"{tried} hostile values went into the {target.Name} form");
        tried.Should().BeGreaterThan(Payloads.Length);
    }

    /// <summary>The text inputs of a form: its settable string properties, and the per-language texts.</summary>
    private static List<Field> Fields(object form)
    {
        var fields = new List<Field>();
        foreach (var property in form.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) && property.SetMethod is { IsPublic: true })
            {
                fields.Add(new Field(Camel(property.Name), property.Name, f => (string)property.GetValue(f)!, (f, v) => property.SetValue(f, v)));
            }
            else if (property.GetValue(form) is Dictionary<string, string> names)
            {
                // Texts per language (a category's names): the inputs are "name-de", "name-tr", …
                var singular = Camel(property.Name).TrimEnd('s');
                foreach (var language in names.Keys.ToList())
                {
                    fields.Add(new Field($"{singular}-{language}", property.Name, f => ((Dictionary<string, string>)property.GetValue(f)!)[language],
                        (f, v) => ((Dictionary<string, string>)property.GetValue(f)!)[language] = v));
                }
            }
            else if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(Dictionary<,>)
                && property.PropertyType.GetGenericArguments()[0] == typeof(string)
                && property.GetValue(form) is System.Collections.IDictionary texts)
            {
                // Texts per language with several fields (a programme's title, summary, …): "title-de", "summary-de", …
                foreach (var language in texts.Keys.Cast<string>().ToList())
                {
                    foreach (var inner in property.PropertyType.GetGenericArguments()[1].GetProperties().Where(p => p.PropertyType == typeof(string) && p.SetMethod is { IsPublic: true }))
                    {
                        fields.Add(new Field($"{Camel(inner.Name)}-{language}", inner.Name,
                            f => (string)inner.GetValue(((System.Collections.IDictionary)property.GetValue(f)!)[language])!,
                            (f, v) => inner.SetValue(((System.Collections.IDictionary)property.GetValue(f)!)[language], v)));
                    }
                }
            }
        }
        return fields;
    }

    private static Dictionary<string, string> Snapshot(List<Field> fields, object form) => fields.ToDictionary(f => f.Id, f => f.Get(form));

    /// <summary>Whether a problem's field is the input tried (or the input that reports for it).</summary>
    private static bool Names(Field field, string problemField) =>
        string.Equals(problemField, field.Id, StringComparison.OrdinalIgnoreCase)
        || problemField.StartsWith(field.Id + "-", StringComparison.OrdinalIgnoreCase)
        || ReportedOn.TryGetValue(field.Id, out var other) && string.Equals(problemField, other, StringComparison.OrdinalIgnoreCase);

    /// <summary>A value without its spaces, control and formatting characters: what a form may drop or turn into spaces.</summary>
    private static string Essence(string value) =>
        new([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)]);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string Show(string value) =>
        (value.Length > 40 ? value[..40] + $"…({value.Length} chars)" : value).Replace("\0", "\\0", StringComparison.Ordinal);

    /// <summary>What of a hostile value became markup on a rendered page: elements, attributes, or raw script.</summary>
    private static IEnumerable<string> ShownUnescaped<TPage>(IRenderedComponent<TPage> page, string what) where TPage : IComponent
    {
        page.WaitForAssertion(() => page.FindAll("h1").Should().NotBeEmpty(), Wait);
        page.WaitForAssertion(() => page.FindAll("input, textarea").Should().NotBeEmpty(), Wait);
        // The markup's attribute values hold "<" as it is (only quotes are escaped there): the elements tell.
        if (page.FindAll("script, fs-xss").Count > 0) yield return $"{what}: script or fs-xss elements";
        var attributes = page.FindAll("*").SelectMany(e => e.Attributes).Select(a => a.Name).Where(n => n.Contains("fs-xss", StringComparison.OrdinalIgnoreCase)).ToList();
        if (attributes.Count > 0) yield return $"{what}: attributes {string.Join(", ", attributes)}";
    }

    // ---- The world ----

    private async Task<ClaimsPrincipal> EditorAsync()
    {
        await SignInAsync(World.Editor);
        return await World.PrincipalAsync(World.Editor);
    }

    /// <summary>A scope of the portal's services, for the rule classes a page injects (their messages in English).</summary>
    private AsyncServiceScope Scope()
    {
        English();
        return World.Services.CreateAsyncScope();
    }

    private static void English() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    private SaveContext SaveContext()
    {
        English();
        return new(World.Services.GetRequiredService<IStringLocalizer<Text>>(), World.Services.GetRequiredService<TimeProvider>(),
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
    }

    private Task<FamilyServicesDb> DbForAsync(ClaimsPrincipal user) =>
        World.Services.GetRequiredService<IDbContextFactory<FamilyServicesDb>>().CreateForAsync(user);

    private async Task<District> NewDistrictAsync()
    {
        var district = new District { Code = TestCatalogue.Unique("FZ"), Name = "Fuzzbezirk" };
        await using var db = World.NewDb();
        db.Districts.Add(district);
        await db.SaveChangesAsync();
        return district;
    }

    /// <summary>What of a hostile value became markup on a page of the staff area, opened at its address as the router opens it.</summary>
    private List<string> Shown<TPage>(string what, string path, Action<ComponentParameterCollectionBuilder<TPage>> parameters) where TPage : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(path);
        return [.. ShownUnescaped(Render(parameters), what)];
    }
}
