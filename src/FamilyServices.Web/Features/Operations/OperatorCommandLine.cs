using System.CommandLine;

namespace FamilyServices.Web.Features.Operations;

/// <summary>
/// One parsed command line. <see cref="StartsPortal"/> says whether it asks for the portal itself; otherwise
/// <see cref="RunAsync(Func{IHost})"/> prints help or misuse without building anything, and builds the host only for a
/// verb that runs.
/// </summary>
public sealed class OperatorCommandLine
{
    private readonly VerbRunner _runner;
    private readonly ParseResult _parsed;
    private readonly string? _settingForAVerb;

    internal OperatorCommandLine(IReadOnlyList<string> args)
    {
        _runner = new VerbRunner();
        _runner.Root = OperatorCommands.CreateRoot(_runner);
        // Arguments starting with @ are ordinary values here (a file name), not response files.
        _parsed = _runner.Root.Parse(args.Where(a => !OperatorCommands.IsPortalSetting(a)).ToList(), new ParserConfiguration { ResponseFileTokenReplacer = null });
        StartsPortal = _parsed.Errors.Count == 0 && _parsed.Action == _runner.Root.Action;
        if (!StartsPortal) _settingForAVerb = args.FirstOrDefault(OperatorCommands.IsPortalSetting);
    }

    /// <summary>No arguments, or only the portal's settings (<see cref="OperatorCommands.PortalSettings"/>, <see cref="OperatorCommands.PortalSettingSections"/>).</summary>
    public bool StartsPortal { get; }

    /// <summary>Runs the verb with a host built by <paramref name="createHost"/> (only if a verb runs), on the console.</summary>
    public Task<int> RunAsync(Func<IHost> createHost) => RunAsync(VerbServices.BuiltBy(createHost), Console.Out, Console.Error);

    public async Task<int> RunAsync(VerbServices services, TextWriter output, TextWriter errors)
    {
        _runner.Bind(services, output, errors);
        if (StartsPortal) return _runner.Misuse(_runner.Root, ["a command is needed here (without one the portal itself starts)."]);
        if (_parsed.Errors.Count > 0) return _runner.Misuse(_parsed.CommandResult.Command, _parsed.Errors.Select(e => e.Message));
        if (_settingForAVerb is not null)
        {
            return _runner.Misuse(_parsed.CommandResult.Command,
                [$"'{_settingForAVerb}' is a setting of the portal itself; a command reads its configuration from appsettings and the environment (e.g. ConnectionStrings__FamilyServices)."]);
        }
        return await _parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
    }
}

/// <summary>Where a verb's services come from: a host built on demand (and disposed after the verb), or services that exist.</summary>
public sealed class VerbServices
{
    private readonly Func<IHost>? _createHost;
    private readonly IServiceProvider? _borrowed;
    private IHost? _host;

    private VerbServices(Func<IHost>? createHost, IServiceProvider? borrowed) => (_createHost, _borrowed) = (createHost, borrowed);

    public static VerbServices BuiltBy(Func<IHost> createHost) => new(createHost, null);

    public static VerbServices Borrowed(IServiceProvider services) => new(null, services);

    internal IServiceProvider Get() => _borrowed ?? (_host ??= _createHost!()).Services;

    internal async ValueTask ReleaseAsync()
    {
        if (_host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else _host?.Dispose();
        _host = null;
    }
}

/// <summary>What a verb runs with: its parsed arguments, the services of a scope, the writers and its progress display.</summary>
public sealed class VerbContext(ParseResult parsed, IServiceProvider services, TextWriter output, TextWriter errors, VerbProgress progress, CancellationToken cancellation)
{
    public ParseResult Parsed { get; } = parsed;
    public IServiceProvider Services { get; } = services;
    public TextWriter Output { get; } = output;
    public TextWriter Errors { get; } = errors;
    public VerbProgress Progress { get; } = progress;
    public CancellationToken Cancellation { get; } = cancellation;

    public T GetValue<T>(Option<T> option) => Parsed.GetValue(option)!;

    public T GetValue<T>(Argument<T> argument) => Parsed.GetValue(argument)!;

    /// <summary>Input that only the database could judge (an unknown centre, a taken address): the message, and where the usage is.</summary>
    public int Refuse(string message)
    {
        Errors.WriteLine($"error: {message}");
        Errors.WriteLine($"Run '{OperatorCommands.ExecutableName} {VerbRunner.PathOf(Parsed.CommandResult.Command)} --help' for its usage.");
        return OperatorCommands.Misuse;
    }
}

/// <summary>
/// Runs the action of a parsed verb: builds the host then, in a scope, and turns a database that cannot be reached into
/// one line on stderr.
/// </summary>
public sealed class VerbRunner
{
    private VerbServices? _services;
    private TextWriter _output = TextWriter.Null;
    private TextWriter _errors = TextWriter.Null;

    internal RootCommand Root { get; set; } = null!;

    internal void Bind(VerbServices services, TextWriter output, TextWriter errors) => (_services, _output, _errors) = (services, output, errors);

    public void Attach(Command command, Func<VerbContext, Task<int>> verb) =>
        command.SetAction((parsed, cancellation) => RunAsync(parsed, verb, cancellation));

    private async Task<int> RunAsync(ParseResult parsed, Func<VerbContext, Task<int>> verb, CancellationToken cancellation)
    {
        IServiceProvider provider;
        try
        {
            provider = _services!.Get();
        }
        catch (Exception exception)
        {
            // A configuration the portal refuses (no connection string, a bad setting): its message, not a stack trace.
            _errors.WriteLine($"error: {exception.Message.Split('\n')[0].TrimEnd()}");
            return OperatorCommands.Failed;
        }
        try
        {
            await using var scope = provider.CreateAsyncScope();
            return await verb(new VerbContext(parsed, scope.ServiceProvider, _output, _errors, VerbProgress.For(_output), cancellation));
        }
        catch (Exception exception) when (DatabaseTrouble.Describe(exception, DatabaseTrouble.PortalConnectionString(provider)) is { } line)
        {
            _errors.WriteLine($"error: {line}");
            return OperatorCommands.Failed;
        }
        finally
        {
            await _services.ReleaseAsync();
        }
    }

    internal int Help(string[] path)
    {
        var parsed = Root.Parse(path);
        return parsed.Errors.Count > 0
            ? Misuse(parsed.CommandResult.Command, parsed.Errors.Select(e => e.Message))
            : parsed.Invoke(new InvocationConfiguration { Output = _output, Error = _errors });
    }

    internal int Misuse(Command command, IEnumerable<string> messages)
    {
        foreach (var message in messages) _errors.WriteLine($"error: {message}");
        _errors.WriteLine();
        var path = PathOf(command).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = _errors, Error = _errors });
        return OperatorCommands.Misuse;
    }

    /// <summary>"catalogue import" for that verb; empty for the root.</summary>
    internal static string PathOf(Command command)
    {
        var names = new List<string>();
        for (var symbol = command; symbol is not null and not RootCommand; symbol = symbol.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, symbol.Name);
        }
        return string.Join(' ', names);
    }
}
