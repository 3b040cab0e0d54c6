using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Programmes;

namespace FamilyServices.Tests.Features.Editing.Programmes;

/// <summary>
/// A draft can be previewed by catalogue staff only (a static page, like a print view: the public page's own
/// rendering); publishing and archiving through the editor change the public pages at once.
/// </summary>
public class ProgrammePreviewTests(EditorWorld world) : IClassFixture<EditorWorld>
{
    [Fact]
    public async Task An_editor_previews_a_draft_as_the_public_page_while_the_public_gets_not_found()
    {
        var programme = await world.ProgrammeAsync();
        var title = programme.Texts.Single(t => t.Language == "en").Title;
        using var editor = await world.ClientAsync(world.Editor);
        using var anonymous = await world.ClientAsync(null);

        var response = await editor.GetAsync(ProgrammePreviewPage.PathFor(programme.Id));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var preview = await Html.ParseAsync(response);
        preview.Find("//div[@class='preview-banner']").Text().Should().StartWith("Preview – not public");
        preview.Find("//article[@class='programme']//h1").Text().Should().Be(title);
        preview.Find("//h2[@id='where-heading']").Should().NotBeNull("the same sections as the public page");
        preview.Find("//meta[@name='robots']").GetAttributeValue("content", "").Should().Be("noindex");
        preview.DocumentNode.SelectSingleNode("//link[@rel='canonical']").Should().BeNull("a preview is never the canonical page");
        preview.DocumentNode.SelectSingleNode("//script[contains(@src, '_framework/blazor.web.')]").Should().BeNull("a static page, without a circuit");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().NotContain("unsafe-inline", "the public pages' strict policy");

        (await anonymous.GetAsync($"/programmes/{programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var anonymousPreview = await anonymous.GetAsync(ProgrammePreviewPage.PathFor(programme.Id));
        anonymousPreview.StatusCode.Should().Be(HttpStatusCode.Redirect);
        anonymousPreview.Headers.Location!.AbsolutePath.Should().Be("/account/sign-in");
    }

    [Fact]
    public async Task Centre_staff_preview_the_programmes_of_their_centres_only()
    {
        var programme = await world.ProgrammeAsync();
        using var staffA = await world.ClientAsync(world.StaffA);
        using var staffB = await world.ClientAsync(world.StaffB);

        (await staffA.GetAsync(ProgrammePreviewPage.PathFor(programme.Id))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await staffB.GetAsync(ProgrammePreviewPage.PathFor(programme.Id))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_shows_the_programme_at_once_and_archiving_hides_it_at_once()
    {
        var programme = await world.ProgrammeAsync(PublicationState.InReview, offeringState: PublicationState.Published);
        var title = programme.Texts.Single(t => t.Language == "en").Title;
        var admin = await world.PrincipalAsync(world.Admin);
        using var anonymous = await world.ClientAsync(null);
        (await anonymous.GetAsync($"/programmes/{programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await world.Programmes.TakeStepAsync(admin, programme.Id, WorkflowStep.Publish, await world.ProgrammeVersionAsync(programme.Id))).Succeeded.Should().BeTrue();

        var published = await anonymous.GetAsync($"/programmes/{programme.Slug}");
        published.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(published)).Find("//h1").Text().Should().Be(title);
        (await anonymous.GetStringAsync($"/search?q={Uri.EscapeDataString(title)}")).Should().Contain($"href=\"/programmes/{programme.Slug}\"", "the search finds it at once");
        (await anonymous.GetStringAsync($"/api/v1/programmes?q={Uri.EscapeDataString(title)}")).Should().Contain(programme.Code);

        (await world.Programmes.TakeStepAsync(admin, programme.Id, WorkflowStep.Archive, await world.ProgrammeVersionAsync(programme.Id))).Succeeded.Should().BeTrue();

        (await anonymous.GetAsync($"/programmes/{programme.Slug}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await anonymous.GetStringAsync($"/search?q={Uri.EscapeDataString(title)}")).Should().NotContain($"href=\"/programmes/{programme.Slug}\"");
        (await anonymous.GetStringAsync($"/api/v1/programmes?q={Uri.EscapeDataString(title)}")).Should().NotContain(programme.Code);
    }

    [Fact]
    public async Task The_public_page_keeps_its_head_data_and_report_link()
    {
        var programme = await world.ProgrammeAsync(PublicationState.Published, offeringState: PublicationState.Published);
        using var anonymous = await world.ClientAsync(null);

        var response = await anonymous.GetAsync($"/programmes/{programme.Slug}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await Html.ParseAsync(response);
        page.DocumentNode.SelectSingleNode("//link[@rel='canonical']").Should().NotBeNull();
        page.DocumentNode.SelectSingleNode("//script[@type='application/ld+json']").Should().NotBeNull();
        page.DocumentNode.SelectSingleNode("//div[@class='preview-banner']").Should().BeNull();
        page.DocumentNode.SelectNodes("//li[@class='offering']").Should().HaveCount(1);
    }
}
