using System;
using System.Collections.Generic;
using System.Globalization;
using ShortApi.Vidu.Images;

namespace ShortApi.Vidu.Wire
{
    /// <summary>
    /// The arguments of one create call. Optional fields left null are not sent, so the service applies its
    /// own defaults and the body matches the seed's examples field by field.
    /// </summary>
    internal sealed class CreateJobRequest
    {
        /// <summary>Creates a request.</summary>
        public CreateJobRequest(ImageReference image, string prompt)
        {
            Image = image ?? throw new ArgumentNullException(nameof(image));
            Prompt = prompt;
        }

        /// <summary>The checked image.</summary>
        public ImageReference Image { get; }

        /// <summary>The text prompt.</summary>
        public string Prompt { get; }

        /// <summary>turbo, pro or pro-fast; always sent (the schema marks it required).</summary>
        public string Mode { get; set; } = ViduModel.DefaultMode;

        /// <summary>Resolution, or null for the service default (720p).</summary>
        public string? Resolution { get; set; }

        /// <summary>Seconds, or null for the service default (5); sent as a string, as the wire wants.</summary>
        public int? Duration { get; set; }

        /// <summary>Whether to ask for audio, or null to leave it out.</summary>
        public bool? GenerateAudio { get; set; }

        /// <summary>The voice id sent with audio.</summary>
        public string? VoiceId { get; set; }

        /// <summary>Where the service should POST the finished job.</summary>
        public string? CallbackUrl { get; set; }

        /// <summary>The resolution the service will use.</summary>
        public string EffectiveResolution => Resolution ?? ViduModel.DefaultResolution;

        /// <summary>The duration the service will use.</summary>
        public int EffectiveDuration => Duration ?? ViduModel.DefaultDuration;

        /// <summary>
        /// Every rule of the model page that can be checked here, as messages that say what to change.
        /// Empty when the request may be sent.
        /// </summary>
        public IReadOnlyList<string> Validate()
        {
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(Prompt))
                problems.Add("Prompt is empty. Describe the motion you want, for example -Prompt 'slow dolly in'.");
            else if (Prompt.Length > ViduModel.MaxPromptLength)
                problems.Add($"Prompt is {Prompt.Length.ToString(CultureInfo.InvariantCulture)} characters; the API accepts at most {ViduModel.MaxPromptLength}. Shorten it.");
            if (ViduModel.NormalizeMode(Mode) != Mode)
                problems.Add($"Mode '{Mode}' is not one of {string.Join(", ", ViduModel.Modes)}.");
            if (Resolution != null && ViduModel.NormalizeResolution(Resolution) != Resolution)
                problems.Add($"Resolution '{Resolution}' is not one of {string.Join(", ", ViduModel.Resolutions)}.");
            else if (!ViduModel.Offers(Mode, EffectiveResolution))
                problems.Add($"Mode '{Mode}' does not offer {EffectiveResolution}. Use -Resolution 720p or 1080p, or another -Mode (turbo or pro offer 540p).");
            if (Duration is int seconds && (seconds < ViduModel.MinDuration || seconds > ViduModel.MaxDuration))
                problems.Add($"Duration {seconds} is out of range; the API makes videos of {ViduModel.MinDuration} to {ViduModel.MaxDuration} seconds.");
            if (GenerateAudio == true && string.IsNullOrWhiteSpace(VoiceId))
                problems.Add("-GenerateAudio needs -VoiceId: the API requires a voice (timbre) id when audio is generated. Find ids in Vidu's documentation.");
            if (CallbackUrl != null &&
                (!Uri.TryCreate(CallbackUrl, UriKind.Absolute, out var callback) ||
                 (callback.Scheme != Uri.UriSchemeHttps && callback.Scheme != Uri.UriSchemeHttp)))
                problems.Add($"CallbackUrl '{CallbackUrl}' is not an absolute http(s) URL the service could POST to.");
            if (problems.Count == 0 && BodyLength > ViduModel.MaxRequestBodyBytes)
                problems.Add($"The request would be {BodyLength.ToString(CultureInfo.InvariantCulture)} bytes; the API refuses bodies over {ViduModel.MaxRequestBodyBytes}. Use a smaller image or pass it as an https:// URL.");
            return problems;
        }

        /// <summary>The exact size of the JSON body in bytes, computed without building it.</summary>
        public long BodyLength => CreateRequestContent.Measure(this);
    }
}
