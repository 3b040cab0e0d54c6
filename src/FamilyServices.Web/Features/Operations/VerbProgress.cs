using Spectre.Console;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// Progress of a long verb. On a terminal a live display (spinner, step, elapsed time); when the output is redirected
/// (CI logs, scripts) plain lines: one line as each sub-step starts and none for the rest, so a verb's own result
/// lines, which scripts read, stay exactly as they were.
/// </summary>
public abstract class VerbProgress
{
    public static VerbProgress For(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
            ? new Live()
            : new Plain(output);

    /// <summary>Runs one long piece of work; it may report sub-steps and details through the <see cref="IStepReport"/>.</summary>
    public abstract Task<T> RunAsync<T>(string description, Func<IStepReport, Task<T>> work);

    private sealed class Plain(TextWriter output) : VerbProgress, IStepReport
    {
        public override Task<T> RunAsync<T>(string description, Func<IStepReport, Task<T>> work) => work(this);

        public void Step(string description) => output.WriteLine(description);

        public void Detail(string text)
        {
            // A detail (a batch count) changes many times a second: a log gets the step lines only.
        }
    }

    private sealed class Live : VerbProgress
    {
        public override Task<T> RunAsync<T>(string description, Func<IStepReport, Task<T>> work) =>
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new SpinnerColumn { CompletedText = "✓" }, new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var report = new LiveReport(context, description);
                    try
                    {
                        return await work(report);
                    }
                    finally
                    {
                        report.Finish();
                    }
                });
    }

    private sealed class LiveReport : IStepReport
    {
        private readonly ProgressContext _context;
        private ProgressTask _current;
        private string _description;

        public LiveReport(ProgressContext context, string description)
        {
            _context = context;
            _description = description;
            _current = context.AddTask(Markup.Escape(description)).IsIndeterminate();
        }

        public void Step(string description)
        {
            Finish();
            _description = description;
            _current = _context.AddTask(Markup.Escape(description)).IsIndeterminate();
        }

        public void Detail(string text) => _current.Description = Markup.Escape($"{_description} {text}");

        public void Finish()
        {
            _current.IsIndeterminate = false;
            _current.Value = _current.MaxValue;
            _current.StopTask();
        }
    }
}

/// <summary>What long work tells its progress display.</summary>
public interface IStepReport
{
    /// <summary>A new sub-step begins (a plain line when redirected).</summary>
    void Step(string description);

    /// <summary>How far the current sub-step is (on a terminal only).</summary>
    void Detail(string text);
}

/// <summary>An <see cref="IProgress{T}"/> that reports at once, on the caller's thread (BCL's Progress posts later).</summary>
internal sealed class Reported<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
