using System;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Client
{
    /// <summary>What to make: a picture (a local path, an http(s) URL or an image data URI), a prompt and the settings.</summary>
    public sealed class VideoRequest
    {
        /// <summary>A request for a picture and a prompt, with the service's defaults for everything else.</summary>
        public VideoRequest(string image, string prompt)
        {
            Image = image ?? throw new ArgumentNullException(nameof(image));
            Prompt = prompt ?? throw new ArgumentNullException(nameof(prompt));
        }

        /// <summary>A local path, an http(s) URL or a data:image/…;base64 URI.</summary>
        public string Image { get; }

        /// <summary>What should happen in the video.</summary>
        public string Prompt { get; }

        /// <summary>turbo, pro (default) or pro-fast.</summary>
        public string Mode { get; set; } = ViduModel.DefaultMode;

        /// <summary>540p, 720p or 1080p; null for the service default (720p).</summary>
        public string? Resolution { get; set; }

        /// <summary>Seconds, 1 to 10; null for the service default (5).</summary>
        public int? Duration { get; set; }

        /// <summary>Ask for generated audio (needs <see cref="VoiceId"/>).</summary>
        public bool GenerateAudio { get; set; }

        /// <summary>The voice (timbre) id for audio.</summary>
        public string? VoiceId { get; set; }

        /// <summary>An http(s) URL the service POSTs the finished job to.</summary>
        public string? CallbackUrl { get; set; }

        /// <summary>Checks everything that can be checked locally; throws <see cref="ArgumentException"/> saying what to change.</summary>
        internal CreateJobRequest Check()
        {
            ImageReference image;
            try
            {
                image = ImageReference.LooksLikeUrl(Image) ? ImageReference.FromUrl(Image) : ImageReference.FromFile(System.IO.Path.GetFullPath(Image), Image);
            }
            catch (ImageValidationException ex)
            {
                throw new ArgumentException(ex.Message, nameof(Image), ex);
            }
            var request = new CreateJobRequest(image, Prompt)
            {
                Mode = ViduModel.NormalizeMode(Mode) ?? Mode,
                Resolution = Resolution == null ? null : ViduModel.NormalizeResolution(Resolution) ?? Resolution,
                Duration = Duration,
                GenerateAudio = GenerateAudio ? true : (bool?)null,
                VoiceId = string.IsNullOrWhiteSpace(VoiceId) ? null : VoiceId,
                CallbackUrl = string.IsNullOrWhiteSpace(CallbackUrl) ? null : CallbackUrl,
            };
            var problems = request.Validate();
            if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
            return request;
        }
    }
}
