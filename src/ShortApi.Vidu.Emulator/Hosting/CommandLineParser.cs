using System;
using System.Globalization;

namespace ShortApi.Vidu.Emulator;

/// <summary>Reads the emulator's command line; numbers use the invariant culture so scripts behave the same everywhere.</summary>
internal static class CommandLineParser
{
    public const string Usage = """
        ShortAPI emulator for seven Vidu models (loopback only):
          vidu/vidu-q2/image-to-video       image; duration "1".."10"; mode turbo|pro|pro-fast;
                                            generate_audio, voice_id (required with audio)
          vidu/vidu-q2/start-end-to-video   image + image_tail; duration "1".."8"; mode turbo|pro|pro-fast
          vidu/vidu-q2/text-to-video        no picture, no mode; duration "1".."10"; aspect_ratio
          vidu/vidu-q3/image-to-video       image; duration "1".."16"; mode pro|turbo
          vidu/vidu-q3/start-end-to-video   image + image_tail; duration "1".."16"; mode pro|turbo;
                                            generate_audio
          vidu/vidu-q3/text-to-video        no picture; duration "1".."16"; mode pro|turbo;
                                            aspect_ratio, generate_audio
          vidu/vidu-q3/reference-to-video   images (1 to 7); duration an integer 3..16;
                                            mode pro|turbo|mix; aspect_ratio
        Every model takes prompt (required) and resolution 540p|720p|1080p (no 540p in pro-fast or
        mix); aspect_ratio is 16:9|9:16|4:3|3:4|1:1. Defaults: mode pro, resolution 720p, duration 5,
        aspect_ratio 16:9, generate_audio false. An argument a model does not list is refused with
        400, as is any broken rule; each is charged by its own page's price rule (docs/emulator.md).

        Usage: dotnet ShortApi.Vidu.Emulator.dll [options]

          --port N                API port on 127.0.0.1 (default 0 = a free port)
          --cdn-port N            port serving finished videos (default 0 = a free port)
          --key K                 the API key to accept (default emulator-key)
          --job-seconds S         seconds from create to finished (default 3)
          --create-delay-ms N     wait before each create is acted on (default 0)
          --fail-rate R           fraction 0..1 of jobs that fail (default 0)
          --create-fault-rate R   fraction 0..1 of creates refused with 429/503, no job (default 0)
          --query-fault-rate R    fraction 0..1 of queries answered 500/502/503/504 (default 0)
          --retry-after S         Retry-After seconds on 429 (and on create 503) (default 1)
          --result-field F        images or videos: list name under result (default images)
          --result-field-for M=F  list name F (images or videos) for model M only; repeatable
          --seed N                seed for the random faults
          --audio-surcharge D     USD added when generate_audio is true (default 0)
          --q2-text-720p-start D  USD for the first second of a 720p vidu-q2 text-to-video
                                  (default 0.75, as its page says; 0.075 is the likely truth)
          --balance D             USD the account holds; each create is charged, one costing
                                  more than is left is refused with 402 (default unlimited)
          --flat-answers          answer {"code":0,"job_id":..,"amount":..} and {"code":0,"status":..}
                                  without "data", as the API page's code examples read them
          --forward-proxy         also run a test forward proxy on a free loopback port and print
                                  $env:HTTP_PROXY = 'http://127.0.0.1:<port>' as the third line
          --exit-on-stdin-close   stop when standard input is closed
          --parent-pid P          stop when process P ends, however it ends (checked every 250 ms);
                                  may be given more than once: stops when any of them ends
          --help                  show this text

        Prints $env:SHORTAPI_BASE_URL = '...' and $env:SHORTAPI_KEY = '...' on its first two lines
        (PowerShell; a comment line gives the bash equivalent); stops on Ctrl+C or SIGTERM.

        Scripted faults: POST /_emulator/faults {"create":[...],"query":[...],"download":[...]}
          create: pass | 400 401 402 403 429 429:<s> 500 502 503 503:<s> 504 (refused in the
                  service's envelope, no job) | gateway:<500|502|503|504> drop late:<ms>
                  bad-charset (job made, then the answer fails) | slow:<ms> html empty
                  truncated code:<n>:<field> echo-auth (no job)
          query:  pass 401 404 429 429:<s> 500 502 503 504 gateway:<status> drop slow:<ms>
                  html empty truncated code:<n>:<field> echo-auth status:<n> nourl
          download: pass 403 404 410 500 503 html html-as-video drop-half slow:<ms>
        Wait for counts: GET /_emulator/wait?createsAccepted=N&timeoutMs=T (see docs/emulator.md).

        """;

    public static CommandLineRequest Parse(string[] args)
    {
        var request = new CommandLineRequest();
        EmulatorOptions options = request.Options;
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                switch (name)
                {
                    case "--help":
                    case "-h":
                    case "-?":
                        request.ShowHelp = true;
                        break;
                    case "--exit-on-stdin-close":
                        request.ExitOnStdinClose = true;
                        break;
                    case "--parent-pid":
                        int parent = Int(name, ValueAfter(args, ref i));
                        request.ParentProcessIds.Add(parent > 0 ? parent : throw new FormatException("--parent-pid needs a process id above 0"));
                        break;
                    case "--forward-proxy":
                        request.ForwardProxy = true;
                        break;
                    case "--flat-answers":
                        options.FlatAnswers = true;
                        break;
                    case "--balance":
                        options.Balance = decimal.TryParse(ValueAfter(args, ref i), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal balance)
                            ? balance
                            : throw new FormatException("--balance needs a number of USD such as 1.5");
                        break;
                    case "--port":
                        options.Port = Int(name, ValueAfter(args, ref i));
                        break;
                    case "--cdn-port":
                        options.CdnPort = Int(name, ValueAfter(args, ref i));
                        break;
                    case "--key":
                        options.ApiKey = ValueAfter(args, ref i);
                        break;
                    case "--job-seconds":
                        options.JobDuration = TimeSpan.FromSeconds(Number(name, ValueAfter(args, ref i)));
                        break;
                    case "--create-delay-ms":
                        options.CreateDelay = TimeSpan.FromMilliseconds(Number(name, ValueAfter(args, ref i)));
                        break;
                    case "--fail-rate":
                        options.FailJobRate = Number(name, ValueAfter(args, ref i));
                        break;
                    case "--create-fault-rate":
                        options.CreateFaultRate = Number(name, ValueAfter(args, ref i));
                        break;
                    case "--query-fault-rate":
                        options.QueryFaultRate = Number(name, ValueAfter(args, ref i));
                        break;
                    case "--retry-after":
                        options.RetryAfterSeconds = Int(name, ValueAfter(args, ref i));
                        break;
                    case "--result-field":
                        string field = ValueAfter(args, ref i);
                        options.ResultField = field is "images" or "videos"
                            ? field
                            : throw new FormatException("--result-field must be images or videos");
                        break;
                    case "--result-field-for":
                        (string model, string modelField) = ModelField(ValueAfter(args, ref i));
                        options.ResultFieldByModel[model] = modelField;
                        break;
                    case "--q2-text-720p-start":
                        options.Q2TextCharge720pStart = decimal.TryParse(ValueAfter(args, ref i), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal start)
                            ? start
                            : throw new FormatException("--q2-text-720p-start needs a number of USD such as 0.075");
                        break;
                    case "--seed":
                        options.RandomSeed = Int(name, ValueAfter(args, ref i));
                        break;
                    case "--audio-surcharge":
                        options.AudioSurcharge = decimal.TryParse(ValueAfter(args, ref i), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal surcharge)
                            ? surcharge
                            : throw new FormatException("--audio-surcharge needs a number such as 0.075");
                        break;
                    default:
                        throw new FormatException($"unknown option {name}");
                }
            }

            if (!request.ShowHelp)
            {
                options.Validate();
            }
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException)
        {
            request.Error = exception.Message;
        }

        return request;
    }

    private static string ValueAfter(string[] args, ref int index)
    {
        if (index + 1 >= args.Length)
        {
            throw new FormatException($"{args[index]} needs a value");
        }

        index++;
        return args[index];
    }

    /// <summary>Reads <c>&lt;model id&gt;=&lt;images|videos&gt;</c>; the model is checked against the served ones by the options' validation.</summary>
    private static (string Model, string Field) ModelField(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string field = equals < 0 ? "" : text[(equals + 1)..];
        if (equals <= 0 || field is not ("images" or "videos"))
        {
            throw new FormatException($"--result-field-for needs <model id>=images or <model id>=videos, not '{text}'");
        }

        return (text[..equals], field);
    }

    private static int Int(string name, string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new FormatException($"{name} needs a whole number, not '{text}'");

    private static double Number(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"{name} needs a number, not '{text}'");
}
