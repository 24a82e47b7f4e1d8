using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Models;

namespace ShortApi.Vidu.Wire
{
    /// <summary>
    /// The arguments of one create call for one model of the catalogue. Optional fields left null are not sent, so the
    /// service applies its own defaults; fields the model does not list are never sent at all.
    /// </summary>
    internal sealed class CreateJobRequest
    {
        /// <summary>A request for a model; the pictures must be the ones its kind takes (see <see cref="Validate"/>).</summary>
        public CreateJobRequest(ModelSpec model, string prompt, ImageReference? image = null, ImageReference? endImage = null, IReadOnlyList<ImageReference>? references = null)
        {
            Model = model ?? throw new ArgumentNullException(nameof(model));
            Prompt = prompt;
            Image = image;
            EndImage = endImage;
            References = references ?? Array.Empty<ImageReference>();
        }

        /// <summary>A request for the seed model (Vidu Q2 image-to-video).</summary>
        public CreateJobRequest(ImageReference image, string prompt)
            : this(ViduCatalogue.Q2Image, prompt, image)
        {
        }

        public ModelSpec Model { get; }

        public string Prompt { get; }

        /// <summary>The picture, or the first frame of a start-end video.</summary>
        public ImageReference? Image { get; }

        /// <summary>The last frame of a start-end video.</summary>
        public ImageReference? EndImage { get; }

        /// <summary>The reference pictures of a reference-to-video job.</summary>
        public IReadOnlyList<ImageReference> References { get; }

        /// <summary>The mode, as the model spells it; null for the model's default (or for a model with no mode).</summary>
        public string? Mode { get; set; }

        /// <summary>Resolution, or null for the service default (720p).</summary>
        public string? Resolution { get; set; }

        /// <summary>Seconds, or null for the service default (5).</summary>
        public int? Duration { get; set; }

        /// <summary>Aspect ratio (text and reference models), or null for the default (16:9).</summary>
        public string? AspectRatio { get; set; }

        /// <summary>Whether to ask for audio, or null to leave it out.</summary>
        public bool? GenerateAudio { get; set; }

        /// <summary>The voice id sent with audio (Q2 image-to-video).</summary>
        public string? VoiceId { get; set; }

        /// <summary>Where the service should POST the finished job.</summary>
        public string? CallbackUrl { get; set; }

        /// <summary>The mode the service will use; null for a model with no mode.</summary>
        public string? EffectiveMode => Mode ?? Model.DefaultMode;

        public string EffectiveResolution => Resolution ?? Model.DefaultResolution;

        public int EffectiveDuration => Duration ?? Model.DefaultDuration;

        public string? EffectiveAspectRatio => AspectRatio ?? Model.DefaultAspectRatio;

        /// <summary>Every picture the request carries, in the order the body carries them.</summary>
        public IEnumerable<ImageReference> Pictures
        {
            get
            {
                if (Image != null) yield return Image;
                if (EndImage != null) yield return EndImage;
                foreach (var reference in References) yield return reference;
            }
        }

        /// <summary>How the request is named in messages: the first picture's name, or "a text-to-video prompt".</summary>
        public string ShortName => Image?.ShortName ?? References.FirstOrDefault()?.ShortName ?? "text-to-video prompt";

        /// <summary>How the request's picture is shown in job objects and the history; null for text-to-video.</summary>
        public string? Display => Image?.Display ?? References.FirstOrDefault()?.Display;

        /// <summary>
        /// Every rule of the model's page that can be checked here, as messages that name the model and say what to
        /// change. Empty when the request may be sent.
        /// </summary>
        public IReadOnlyList<string> Validate()
        {
            var problems = new List<string>();
            if (string.IsNullOrWhiteSpace(Prompt))
                problems.Add("Prompt is empty. Describe the motion you want, for example -Prompt 'slow dolly in'.");
            else if (FirstControlCharacter(Prompt) is int at)
                problems.Add($"Prompt has {DescribeControl(Prompt[at])} at character {(at + 1).ToString(CultureInfo.InvariantCulture)}, which is not text (it often comes from binary data or a file read in the wrong encoding). Remove it from the prompt.");
            else if (Prompt.Length > ApiLimits.MaxPromptLength)
                problems.Add($"Prompt is {Prompt.Length.ToString(CultureInfo.InvariantCulture)} characters; the API accepts at most {ApiLimits.MaxPromptLength}. Shorten it.");
            problems.AddRange(ModelRules.CheckPlan(Model, Mode, Resolution, Duration, out _, out _, out _));
            problems.AddRange(ModelRules.CheckExtras(Model, AspectRatio, GenerateAudio, VoiceId, References.Count));
            if (CallbackUrl != null &&
                (!Uri.TryCreate(CallbackUrl, UriKind.Absolute, out var callback) ||
                 (callback.Scheme != Uri.UriSchemeHttps && callback.Scheme != Uri.UriSchemeHttp)))
                problems.Add($"CallbackUrl '{CallbackUrl}' is not an absolute http(s) URL the service could POST to.");
            if (problems.Count == 0 && BodyLength > ApiLimits.MaxRequestBodyBytes)
                problems.Add($"The request would be {BodyLength.ToString(CultureInfo.InvariantCulture)} bytes; the API refuses bodies over {ApiLimits.MaxRequestBodyBytes}. Use smaller pictures or pass them as https:// URLs.");
            return problems;
        }

        // Tab and line breaks are text; other control characters never are, and a NUL would be sent (and charged)
        // although the service and most tools read the prompt as ending there.
        private static int? FirstControlCharacter(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) return i;
            }
            return null;
        }

        private static string DescribeControl(char c) =>
            c == '\0' ? "a NUL character (U+0000)" : "a control character (U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ")";

        /// <summary>The exact size of the JSON body in bytes, computed without building it.</summary>
        public long BodyLength => CreateRequestContent.Measure(this);
    }
}
