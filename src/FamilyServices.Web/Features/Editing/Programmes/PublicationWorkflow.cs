using System.Security.Claims;
using FamilyServices.Web.Domain;
using FamilyServices.Web.Features.Editing.Shared;
using FamilyServices.Web.Resources;
using Microsoft.Extensions.Localization;

namespace FamilyServices.Web.Features.Editing.Programmes;

/// <summary>One step of the publication workflow, offered as a button on the editor pages.</summary>
public enum WorkflowStep { SendToReview, Publish, BackToDraft, Archive, Restore }

/// <summary>
/// Draft → in review → published → archived, and back: the same rules for programmes and offerings.
/// Editors and Admins take every step; centre staff of a centre running the item may send it to review and take it
/// back to draft, but only editors publish, archive and restore.
/// </summary>
public static class PublicationWorkflow
{
    public static (PublicationState From, PublicationState To) Of(WorkflowStep step) => step switch
    {
        WorkflowStep.SendToReview => (PublicationState.Draft, PublicationState.InReview),
        WorkflowStep.Publish => (PublicationState.InReview, PublicationState.Published),
        WorkflowStep.BackToDraft => (PublicationState.InReview, PublicationState.Draft),
        WorkflowStep.Archive => (PublicationState.Published, PublicationState.Archived),
        _ => (PublicationState.Archived, PublicationState.Draft),
    };

    /// <summary>The steps possible from a state, whoever asks.</summary>
    public static IEnumerable<WorkflowStep> StepsFrom(PublicationState state) =>
        Enum.GetValues<WorkflowStep>().Where(step => Of(step).From == state);

    /// <param name="runsAtUsersCentre">The item is delivered at one of the user's centres.</param>
    public static bool MayTake(ClaimsPrincipal user, WorkflowStep step, bool runsAtUsersCentre) =>
        user.IsEditor() || (runsAtUsersCentre && step is WorkflowStep.SendToReview or WorkflowStep.BackToDraft);

    /// <summary>The steps this user may take from this state, in button order.</summary>
    public static IReadOnlyList<WorkflowStep> StepsFor(ClaimsPrincipal user, PublicationState state, bool runsAtUsersCentre) =>
        StepsFrom(state).Where(step => MayTake(user, step, runsAtUsersCentre)).ToList();

    /// <summary>Publishing and archiving change what the public sees.</summary>
    public static bool ChangesPublicView(WorkflowStep step) => step is WorkflowStep.Publish or WorkflowStep.Archive;

    /// <summary>Publishing, archiving and restoring are confirmed in a dialog before they are taken.</summary>
    public static bool NeedsConfirmation(WorkflowStep step) => step is WorkflowStep.Publish or WorkflowStep.Archive or WorkflowStep.Restore;

    /// <summary>
    /// Why <paramref name="user"/> may not take <paramref name="step"/> from the item's <paramref name="current"/> state
    /// (checked with the state and rights as they are now, not as the page showed them), or null when they may.
    /// </summary>
    public static SaveResult? Refusal(ClaimsPrincipal user, PublicationState current, WorkflowStep step, bool runsAtUsersCentre, IStringLocalizer<Text> t)
    {
        if (!Enum.IsDefined(step) || !StepsFrom(current).Contains(step)) return SaveResult.Refused(t["EditStepNotPossible", t[$"EditState{current}"]]);
        return MayTake(user, step, runsAtUsersCentre) ? null : SaveResult.Refused(t["EditOnlyEditorsPublish"]);
    }
}
