using System.Net;
using FamilyServices.Tests.Infrastructure;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Attendance;

namespace FamilyServices.Tests.Features.Attendance;

/// <summary>What the staff pages answer over plain HTTP, before any circuit runs.</summary>
public sealed class StaffAttendanceTests(StaffFixture world) : IClassFixture<StaffFixture>
{
    [Fact]
    public async Task Staff_pages_send_anonymous_visitors_to_the_sign_in_page()
    {
        using var client = await world.ClientAsync(null);

        foreach (var path in new[] { "/staff/today", RosterPage.PathFor(world.SessionA.Id), "/staff/import" })
        {
            var response = await client.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, path);
            response.Headers.Location!.PathAndQuery.Should().StartWith("/account/sign-in?ReturnUrl=", path);
        }
    }

    [Fact]
    public async Task Roles_without_staff_work_are_refused_the_staff_pages()
    {
        using var editor = await world.ClientAsync(world.Editor);

        var response = await editor.GetAsync(RosterPage.PathFor(world.SessionA.Id));

        response.StatusCode.Should().NotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_that_does_not_say_which_part_was_wrong()
    {
        using var client = await world.ClientAsync(null);

        var response = await StaffFixture.PostFormAsync(client, "/account/sign-in", "sign-in",
            new() { ["Input.Email"] = world.StaffA.Email, ["Input.Password"] = "not the password" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Html.ParseAsync(response)).Find("//div[@role='alert']").Text().Should().Be("The e-mail address or the password is not right. Check both and try again.");
    }

    [Fact]
    public async Task The_first_answer_of_a_roster_is_the_frame_only_and_holds_no_child()
    {
        using var client = await world.ClientAsync(world.StaffA);

        var response = await client.GetAsync(RosterPage.PathFor(world.SessionA.Id));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("_framework/blazor.web.", "the roster runs in its circuit");
        foreach (var child in world.ChildrenA) html.Should().NotContain(ParticipantCode.Display(child.Code)).And.NotContain(child.Code);
    }
}
