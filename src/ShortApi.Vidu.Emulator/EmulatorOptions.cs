using System;
using System.Collections.Generic;

namespace ShortApi.Vidu.Emulator;

/// <summary>Settings of one emulator; the server reads them on every request, so tests may change them while it runs.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The default body limit: the service documents that a whole request must stay under 20 MB.</summary>
    public const long DefaultMaxRequestBodyBytes = 20L * 1024 * 1024;

    private Dictionary<string, string> resultFieldByModel = new(StringComparer.Ordinal);

    /// <summary>API port on 127.0.0.1; 0 picks a free port (read the real one from <see cref="EmulatorServer.BaseUri"/>).</summary>
    public int Port { get; set; }

    /// <summary>Port of the stand-in CDN that serves finished videos; 0 picks a free port.</summary>
    public int CdnPort { get; set; }

    /// <summary>The only key accepted in <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public string ApiKey { get; set; } = "emulator-key";

    /// <summary>Time from creation to the end of a job; half of it is spent queued, half processing.</summary>
    public TimeSpan JobDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Wait before every create is acted on (benchmarks use it to make concurrency visible).</summary>
    public TimeSpan CreateDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Fraction (0..1) of new jobs that end in status 3.</summary>
    public double FailJobRate { get; set; }

    /// <summary>Fraction (0..1) of creates refused with 429 or 503 without creating a job.</summary>
    public double CreateFaultRate { get; set; }

    /// <summary>Fraction (0..1) of queries answered with 500, 502, 503 or 504.</summary>
    public double QueryFaultRate { get; set; }

    /// <summary>Seconds sent in the <c>Retry-After</c> header of every 429.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Name of the list under <c>result</c> in a finished job: <c>images</c> (the seed page) or <c>videos</c> (sibling pages); a model named in <see cref="ResultFieldByModel"/> uses its own.</summary>
    public string ResultField { get; set; } = "images";

    /// <summary>Per-model override of <see cref="ResultField"/>, keyed by model id (e.g. <c>vidu/vidu-q3/text-to-video</c> → <c>videos</c>); models not named use <see cref="ResultField"/>.</summary>
    /// <remarks>Read when a job is queried or its callback is posted. Replace the dictionary rather than change it while requests are running; null is taken as empty.</remarks>
    public Dictionary<string, string> ResultFieldByModel
    {
        get => resultFieldByModel;
        set => resultFieldByModel = value ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>USD for the first second of a 720p <c>vidu/vidu-q2/text-to-video</c>: the page says 0.75 (likely a typo for 0.075, which the real service may charge); set 0.075 to charge that instead.</summary>
    public decimal Q2TextCharge720pStart { get; set; } = 0.75m;

    /// <summary>Seed for the random faults, so a run can be repeated; null seeds from the clock. Read once at start.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>USD added to the charge when <c>generate_audio</c> is true (lets tests make the charge differ from an estimate).</summary>
    public decimal AudioSurcharge { get; set; }

    /// <summary>The account's credit in USD; each accepted create is charged its amount, and a create costing more than is left is refused with 402. Null is unlimited.</summary>
    /// <remarks>Setting a different value starts the account afresh at that value; a reset restores it.</remarks>
    public decimal? Balance { get; set; }

    /// <summary>Answer in the flat shape the API page's own JavaScript and Python examples read (<c>job_id</c>, <c>status</c>, <c>result</c> at the top level, no <c>data</c>).</summary>
    public bool FlatAnswers { get; set; }

    /// <summary>Largest request body accepted; a larger one is answered 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>A detached copy, used to try a change before applying it to the live options.</summary>
    internal EmulatorOptions Clone()
    {
        var copy = (EmulatorOptions)MemberwiseClone();
        copy.resultFieldByModel = new Dictionary<string, string>(resultFieldByModel, StringComparer.Ordinal);
        return copy;
    }

    /// <summary>The list name under <c>result</c> for a job of <paramref name="model"/>.</summary>
    internal string ResultFieldFor(string model) =>
        resultFieldByModel.TryGetValue(model, out string? field) ? field : ResultField;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that makes no sense (the message names it; it is shown as is by the command line and /_emulator/options).</summary>
    internal void Validate()
    {
        CheckPort(Port, nameof(Port));
        CheckPort(CdnPort, nameof(CdnPort));
        if (Port != 0 && Port == CdnPort)
        {
            throw new ArgumentException("Port and CdnPort must differ: the CDN is a separate listener.");
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("ApiKey must not be empty.");
        }

        CheckNotNegative(JobDuration, nameof(JobDuration));
        CheckNotNegative(CreateDelay, nameof(CreateDelay));
        CheckRate(FailJobRate, nameof(FailJobRate));
        CheckRate(CreateFaultRate, nameof(CreateFaultRate));
        CheckRate(QueryFaultRate, nameof(QueryFaultRate));
        if (RetryAfterSeconds < 0)
        {
            throw new ArgumentException("RetryAfterSeconds must not be negative.");
        }

        if (string.IsNullOrWhiteSpace(ResultField))
        {
            throw new ArgumentException("ResultField must not be empty.");
        }

        foreach ((string model, string field) in resultFieldByModel)
        {
            if (!ModelCatalogue.IsServed(model))
            {
                throw new ArgumentException($"ResultFieldByModel names {model}, which is not served; use one of {string.Join(", ", ModelCatalogue.Ids)}.");
            }

            if (string.IsNullOrWhiteSpace(field))
            {
                throw new ArgumentException($"ResultFieldByModel must not map {model} to an empty name.");
            }
        }

        if (Q2TextCharge720pStart < 0)
        {
            throw new ArgumentException("Q2TextCharge720pStart must not be negative.");
        }

        if (AudioSurcharge < 0)
        {
            throw new ArgumentException("AudioSurcharge must not be negative.");
        }

        if (Balance < 0)
        {
            throw new ArgumentException("Balance must not be negative (null means unlimited).");
        }

        if (MaxRequestBodyBytes <= 0 || MaxRequestBodyBytes > Array.MaxLength)
        {
            throw new ArgumentException($"MaxRequestBodyBytes must be between 1 and {Array.MaxLength}.");
        }
    }

    private static void CheckPort(int port, string name)
    {
        if (port < 0 || port > 65535)
        {
            throw new ArgumentException($"{name} must be between 0 and 65535.");
        }
    }

    private static void CheckNotNegative(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must not be negative.");
        }
    }

    private static void CheckRate(double rate, string name)
    {
        // NaN fails both comparisons, so it is refused too.
        if (!(rate >= 0 && rate <= 1))
        {
            throw new ArgumentException($"{name} must be between 0 and 1.");
        }
    }
}
