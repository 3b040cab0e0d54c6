using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>A draft can be previewed by catalogue staff only; publishing and archiving change the public page at once.</summary>
public class ProgrammePreviewTests(EditorFixture portal) : IClassFixture<EditorFixture>
{
    [Fact]
    public async Task An_editor_previews_a_draft_as_the_public_page_while_the_public_gets_not_found()
    {
        var programme = await portal.ProgrammeAsync();
        var title = programme.Texts.Single(t => t.Language == "en").Title;
        using var editor = await portal.ClientAsync(portal.Editor);
        using var anonymous = await portal.ClientAsync();

        var preview = await EditorFixture.PageAsync(editor, ProgrammePreviewPage.PathFor(programme.Id));

        preview.Find("//div[@class='preview-banner']").Text().Should().StartWith("Preview – not public");
        preview.Find("//article[@class='programme']//h1").Text().Should().Be(title);
        preview.Find("//h2[@id='where-heading']").Should().NotBeNull("the same sections as the public page");
        preview.Find("//meta[@name='robots']").GetAttributeValue("content", "").Should().Be("noindex");
        preview.DocumentNode.SelectSingleNode("//link[@rel='canonical']").Should().BeNull("a preview is never the canonical page");

        (await anonymous.GetAsync($"/programmes/{programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var anonymousPreview = await anonymous.GetAsync(ProgrammePreviewPage.PathFor(programme.Id));
        anonymousPreview.StatusCode.Should().Be(HttpStatusCode.Redirect);
        anonymousPreview.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
    }

    [Fact]
    public async Task Centre_staff_preview_the_programmes_of_their_centres_only()
    {
        var programme = await portal.ProgrammeAsync();
        using var staffA = await portal.ClientAsync(portal.StaffA);
        using var staffB = await portal.ClientAsync(portal.StaffB);

        (await staffA.GetAsync(ProgrammePreviewPage.PathFor(programme.Id))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await staffB.GetAsync(ProgrammePreviewPage.PathFor(programme.Id))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_shows_the_programme_at_once_and_archiving_hides_it_at_once()
    {
        var programme = await portal.ProgrammeAsync(PublicationState.InReview, offeringState: PublicationState.Published);
        var title = programme.Texts.Single(t => t.Language == "en").Title;
        using var admin = await portal.ClientAsync(portal.Admin);
        using var anonymous = await portal.ClientAsync();
        var path = ProgrammeEditPage.PathFor(programme.Id);
        (await anonymous.GetAsync($"/programmes/{programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await EditorFixture.StepAsync(admin, path, "Publish")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var published = await anonymous.GetAsync($"/programmes/{programme.Slug}");
        published.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(published)).Find("//h1").Text().Should().Be(title);
        (await anonymous.GetStringAsync($"/search?q={Uri.EscapeDataString(title)}")).Should().Contain($"href=\"/programmes/{programme.Slug}\"", "the search finds it at once");
        (await anonymous.GetStringAsync($"/api/v1/programmes?q={Uri.EscapeDataString(title)}")).Should().Contain(programme.Code);

        (await EditorFixture.StepAsync(admin, path, "Archive")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await anonymous.GetAsync($"/programmes/{programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetStringAsync($"/search?q={Uri.EscapeDataString(title)}")).Should().NotContain($"href=\"/programmes/{programme.Slug}\"");
        (await anonymous.GetStringAsync($"/api/v1/programmes?q={Uri.EscapeDataString(title)}")).Should().NotContain(programme.Code);
    }

    [Fact]
    public async Task The_public_page_keeps_its_head_data_and_report_link_after_the_refactoring()
    {
        var programme = await portal.ProgrammeAsync(PublicationState.Published, offeringState: PublicationState.Published);
        using var anonymous = await portal.ClientAsync();

        var page = await EditorFixture.PageAsync(anonymous, $"/programmes/{programme.Slug}");

        page.DocumentNode.SelectSingleNode("//link[@rel='canonical']").Should().NotBeNull();
        page.DocumentNode.SelectSingleNode("//script[@type='application/ld+json']").Should().NotBeNull();
        page.DocumentNode.SelectSingleNode("//div[@class='preview-banner']").Should().BeNull();
        page.DocumentNode.SelectNodes("//li[@class='offering']").Should().HaveCount(1);
    }
}
