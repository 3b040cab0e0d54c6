using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Resources;
using Bunit;
using FamilyServices.Web.Platform;
using FamilyServices.Web.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace FamilyServices.Tests.Resources;

/// <summary>
/// MudBlazor's own texts (pager, filter menus, pickers, dialog and snackbar buttons) appear in the user's language:
/// every key of MudBlazor's English resource has an entry "MudBlazor." + key in each of the portal's resx files, and
/// the portal's <see cref="PortalMudLocalizer"/> really hands them to MudBlazor. The keys and English texts are read
/// from the MudBlazor assembly the portal runs with, so an upgrade that adds, drops or rewords a text fails here until
/// the resx files follow.
/// </summary>
public sealed class MudBlazorTextsTests
{
    private static readonly string[] Languages = ["en", "de", "nl", "tr"];

    [Fact]
    public void Every_MudBlazor_text_is_in_every_language_file_with_MudBlazors_placeholders()
    {
        var mudBlazor = MudBlazorEnglish();
        mudBlazor.Should().HaveCountGreaterThan(100, "MudBlazor's LanguageResource holds its UI texts (163 in 9.14.0)");

        // MudBlazor's own English is the reference ("en" to the parity check); each file must hold exactly its keys.
        var strings = new Dictionary<string, Dictionary<string, string>>
        {
            ["en"] = mudBlazor.ToDictionary(text => PortalMudLocalizer.KeyPrefix + text.Key, text => text.Value),
        };
        foreach (var language in Languages)
        {
            var path = TranslationTests.ResxPath(language);
            strings[Path.GetFileName(path)] = TranslationTests.ReadResx(path)
                .Where(text => text.Key.StartsWith(PortalMudLocalizer.KeyPrefix, StringComparison.Ordinal))
                .ToDictionary();
        }

        TranslationTests.ParityProblems(strings).Should().BeEmpty(
            "every MudBlazor text needs a translation with MudBlazor's placeholders (\"en: ... missing\" is a key MudBlazor no longer has)");
    }

    [Fact]
    public void The_English_texts_are_MudBlazors_own()
    {
        var english = TranslationTests.ReadResx(TranslationTests.ResxPath("en"));

        var differing = MudBlazorEnglish()
            .Select(text => (text.Key, Ours: english.GetValueOrDefault(PortalMudLocalizer.KeyPrefix + text.Key), Theirs: text.Value))
            .Where(text => text.Ours != text.Theirs)
            .Select(text => $"{PortalMudLocalizer.KeyPrefix}{text.Key}: Text.resx has '{text.Ours}', MudBlazor '{text.Theirs}'");

        differing.Should().BeEmpty("English users see Text.resx, which must say what MudBlazor says (take over a changed text and check its translations)");
    }

    [Theory]
    [InlineData("de", "Zeilen pro Seite:", "Abbrechen", "1–10 von 25")]
    [InlineData("nl", "Rijen per pagina:", "Annuleren", "1–10 van 25")]
    [InlineData("tr", "Sayfa başına satır:", "Vazgeç", "1–10 / 25")]
    public void The_portals_MudLocalizer_answers_in_the_users_language(string language, string rowsPerPage, string cancel, string firstTenOf25)
    {
        using var culture = new UiCulture(language);
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var localizer = new PortalMudLocalizer(services.GetRequiredService<IStringLocalizer<Text>>());

        localizer["MudDataGridPager_RowsPerPage"].Value.Should().Be(rowsPerPage);
        localizer["MudDataGrid_Cancel"].Value.Should().Be(cancel);
        localizer["MudDataGridPager_InfoFormat", 1, 10, 25].Value.Should().Be(firstTenOf25);
        localizer["MudDataGridPager_RowsPerPage"].ResourceNotFound.Should().BeFalse();
        localizer["NoSuchMudBlazorKey"].ResourceNotFound.Should().BeTrue("MudBlazor then falls back to its own English");
    }

    [Theory]
    [InlineData("de", "Zeilen pro Seite:", "1–10 von 1234", "Pflichtfeld")]
    [InlineData("nl", "Rijen per pagina:", "1–10 van 1234", "Verplicht veld")]
    [InlineData("tr", "Sayfa başına satır:", "1–10 / 1234", "Zorunlu alan")]
    [InlineData("en", "Rows per page:", "1-10 of 1234", "Required")]
    public void MudBlazor_as_the_portal_registers_it_shows_the_users_language(string language, string rowsPerPage, string pagerInfo, string required)
    {
        using var culture = new UiCulture(language);
        // The portal's own registrations: its localization, then AddMudServices with PortalMudLocalizer.
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddPortalLocalization();
        builder.AddInteractiveArea();
        using var services = builder.Services.BuildServiceProvider();
        using var scope = services.CreateScope();
        var mudBlazor = scope.ServiceProvider.GetRequiredService<ILocalizationInterceptor>();

        mudBlazor.Handle("MudDataGridPager_RowsPerPage").Value.Should().Be(rowsPerPage);
        mudBlazor.Handle("MudDataGridPager_InfoFormat", 1, 10, 1234).Value.Should().Be(pagerInfo);
        mudBlazor.Handle("MudFormComponent_Required").Value.Should().Be(required);
        if (language == "en")
        {
            mudBlazor.Handle("MudDataGridPager_RowsPerPage").Value.Should().Be(MudBlazorEnglish()["MudDataGridPager_RowsPerPage"]);
        }
    }

    [Fact]
    public async Task A_data_grid_pager_speaks_Turkish_to_a_Turkish_user()
    {
        using var culture = new UiCulture("tr");
        await using var context = new BunitContext();
        context.Services.AddLocalization();
        context.Services.AddMudServices();
        context.Services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        var rows = Enumerable.Range(1, 25).Select(number => new Row(number)).ToList();

        context.Render<MudPopoverProvider>();
        var grid = context.Render<MudDataGrid<Row>>(parameters => parameters
            .Add(g => g.Items, rows)
            .Add(g => g.RowsPerPage, 10)
            .Add(g => g.Columns, NumberColumn)
            .Add(g => g.PagerContent, Pager));

        grid.Find(".mud-table-pagination").TextContent.Should().Contain("Sayfa başına satır:").And.Contain("1–10 / 25");
        grid.Find(".mud-table-pagination").TextContent.Should().NotContain("Rows per page");
        grid.FindAll(".mud-table-pagination button[aria-label]").Select(b => b.GetAttribute("aria-label"))
            .Should().Contain(["İlk sayfa", "Önceki sayfa", "Sonraki sayfa", "Son sayfa"]);
    }

    /// <summary>MudBlazor's English texts by key, read from the MudBlazor assembly the portal runs with.</summary>
    private static Dictionary<string, string> MudBlazorEnglish()
    {
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)
            ?? throw new InvalidOperationException("MudBlazor's LanguageResource was not found in its assembly.");
        return set.Cast<DictionaryEntry>().Where(e => e.Value is string).ToDictionary(e => (string)e.Key, e => (string)e.Value!);
    }

    private static void NumberColumn(RenderTreeBuilder builder)
    {
        builder.OpenComponent<PropertyColumn<Row, int>>(0);
        builder.AddAttribute(1, nameof(PropertyColumn<Row, int>.Property), (Expression<Func<Row, int>>)(row => row.Number));
        builder.CloseComponent();
    }

    private static void Pager(RenderTreeBuilder builder)
    {
        builder.OpenComponent<MudDataGridPager<Row>>(0);
        builder.CloseComponent();
    }

    private sealed record Row(int Number);

    /// <summary>The user's language (UI texts and number formats) as the portal's request localization sets it, for one test.</summary>
    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public UiCulture(string language) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
