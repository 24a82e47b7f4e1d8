using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Models;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Client
{
    /// <summary>
    /// What to make: the model's generation (Q2 or Q3), the pictures that pick its kind (a picture; a picture and an end
    /// frame; reference pictures; or none, with <see cref="TextToVideo"/>), a prompt and the settings. Pictures are local
    /// paths, http(s) URLs or image data URIs.
    /// </summary>
    public sealed class VideoRequest
    {
        /// <summary>An image-to-video request for a picture and a prompt, with the defaults for everything else.</summary>
        public VideoRequest(string image, string prompt)
        {
            Image = image ?? throw new ArgumentNullException(nameof(image));
            Prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
        }

        /// <summary>A request with only a prompt: set the pictures (or <see cref="TextToVideo"/>) next.</summary>
        public VideoRequest(string prompt)
        {
            Prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
        }

        /// <summary>Q2 (default) or Q3, or a full model id.</summary>
        public string Model { get; set; } = ModelChoice.DefaultGeneration;

        /// <summary>The picture, or the first frame of a start-end video.</summary>
        public string? Image { get; set; }

        /// <summary>The last frame: makes a start-end video.</summary>
        public string? EndImage { get; set; }

        /// <summary>One to seven reference pictures: makes a reference video (Q3).</summary>
        public IList<string> ReferenceImages { get; set; } = new List<string>();

        /// <summary>A video from the prompt alone.</summary>
        public bool TextToVideo { get; set; }

        /// <summary>What should happen in the video.</summary>
        public string Prompt { get; }

        /// <summary>The mode (the model's default when null).</summary>
        public string? Mode { get; set; }

        /// <summary>540p, 720p or 1080p; null for the service default (720p).</summary>
        public string? Resolution { get; set; }

        /// <summary>Seconds; null for the service default (5).</summary>
        public int? Duration { get; set; }

        /// <summary>16:9, 9:16, 4:3, 3:4 or 1:1 (text and reference models).</summary>
        public string? AspectRatio { get; set; }

        /// <summary>Ask for generated audio where the model offers it (Q2 image-to-video needs <see cref="VoiceId"/>).</summary>
        public bool GenerateAudio { get; set; }

        /// <summary>The voice (timbre) id for audio (Q2 image-to-video).</summary>
        public string? VoiceId { get; set; }

        /// <summary>An http(s) URL the service POSTs the finished job to.</summary>
        public string? CallbackUrl { get; set; }

        /// <summary>Checks everything that can be checked locally; throws <see cref="ArgumentException"/> saying what to change.</summary>
        internal CreateJobRequest Check()
        {
            var spec = ModelChoice.Choose(Model, Image != null, EndImage != null, ReferenceImages.Count, TextToVideo, out var problem)
                ?? throw new ArgumentException(problem);
            var request = new CreateJobRequest(spec, Prompt, Picture(Image), Picture(EndImage), ReferenceImages.Select(r => Picture(r)!).ToList())
            {
                Mode = PlanValues.Mode(Mode),
                Resolution = PlanValues.Resolution(Resolution),
                Duration = Duration,
                AspectRatio = string.IsNullOrWhiteSpace(AspectRatio) ? null : AspectRatio!.Trim(),
                GenerateAudio = GenerateAudio ? true : (bool?)null,
                VoiceId = string.IsNullOrWhiteSpace(VoiceId) ? null : VoiceId,
                CallbackUrl = string.IsNullOrWhiteSpace(CallbackUrl) ? null : CallbackUrl,
            };
            request.Mode = spec.NormalizeMode(request.Mode) ?? request.Mode;
            request.Resolution = spec.NormalizeResolution(request.Resolution) ?? request.Resolution;
            var problems = request.Validate();
            if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
            return request;
        }

        private static ImageReference? Picture(string? input)
        {
            if (input == null) return null;
            try
            {
                return ImageReference.LooksLikeUrl(input) ? ImageReference.FromUrl(input) : ImageReference.FromFile(Path.GetFullPath(input), input);
            }
            catch (ImageValidationException ex)
            {
                throw new ArgumentException(ex.Message, nameof(Image), ex);
            }
        }
    }
}
