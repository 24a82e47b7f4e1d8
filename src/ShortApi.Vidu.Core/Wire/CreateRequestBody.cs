using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Models;

namespace ShortApi.Vidu.Wire
{
    /// <summary>
    /// The create call's JSON, laid out as the model's page shows it, cut into pieces: literal bytes, and the places
    /// where a local picture's base64 goes. Only the fields the model lists are written: image, image_tail or images;
    /// mode where the model has one; duration as a string, or as an integer where the page says so; aspect_ratio,
    /// generate_audio and voice_id only where listed and given.
    /// </summary>
    internal sealed class CreateRequestBody
    {
        private CreateRequestBody(IReadOnlyList<byte[]> literals, IReadOnlyList<ImageReference> files)
        {
            Literals = literals;
            Files = files;
        }

        /// <summary>Literal JSON, one more than <see cref="Files"/>: literal, file, literal, file, …, literal.</summary>
        public IReadOnlyList<byte[]> Literals { get; }

        /// <summary>The local pictures whose base64 goes between the literals.</summary>
        public IReadOnlyList<ImageReference> Files { get; }

        /// <summary>The body's exact length in bytes.</summary>
        public long Length
        {
            get
            {
                long length = 0;
                foreach (var literal in Literals) length += literal.Length;
                foreach (var file in Files) length += ImageReference.Base64Length(file.FileLength);
                return length;
            }
        }

        // Relaxed escaping keeps non-ASCII prompts as UTF-8; the body is never embedded in HTML.
        private static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public static CreateRequestBody For(CreateJobRequest request)
        {
            // Each local picture is written as its data URI prefix followed by a unique marker; the JSON is then cut
            // at the markers, so the base64 is streamed from the file when the request is sent.
            var markers = new List<(string Marker, ImageReference File)>();
            string Value(ImageReference image)
            {
                if (!image.IsLocalFile) return image.Url!;
                var marker = "\u0001" + Guid.NewGuid().ToString("N");
                markers.Add((marker, image));
                return image.DataUriPrefix + marker;
            }

            var model = request.Model;
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("model", model.Id);
                json.WriteStartObject("args");
                if (model.HasMode) json.WriteString("mode", request.EffectiveMode);
                json.WriteString("prompt", request.Prompt);
                if (request.Image != null) json.WriteString("image", Value(request.Image));
                if (request.EndImage != null) json.WriteString("image_tail", Value(request.EndImage));
                if (model.Kind == VideoKind.Reference)
                {
                    json.WriteStartArray("images");
                    foreach (var reference in request.References) json.WriteStringValue(Value(reference));
                    json.WriteEndArray();
                }
                if (request.Duration is int duration)
                {
                    if (model.DurationIsInteger) json.WriteNumber("duration", duration);
                    else json.WriteString("duration", duration.ToString(CultureInfo.InvariantCulture));
                }
                if (request.Resolution != null) json.WriteString("resolution", request.Resolution);
                if (request.AspectRatio != null && model.AspectRatios.Count > 0) json.WriteString("aspect_ratio", request.AspectRatio);
                if (request.GenerateAudio is bool audio && model.GenerateAudio) json.WriteBoolean("generate_audio", audio);
                if (request.VoiceId != null && model.VoiceId) json.WriteString("voice_id", request.VoiceId);
                json.WriteEndObject();
                if (request.CallbackUrl != null) json.WriteString("callback_url", request.CallbackUrl);
                json.WriteEndObject();
            }
            return Cut(buffer.ToArray(), markers);
        }

        private static CreateRequestBody Cut(byte[] bytes, List<(string Marker, ImageReference File)> markers)
        {
            var literals = new List<byte[]>();
            var files = new List<ImageReference>();
            var start = 0;
            foreach (var (marker, file) in markers)
            {
                // The marker starts with U+0001, which the JSON writer escapes as \u0001: find that escaped form.
                var escaped = Encoding.UTF8.GetBytes("\\u0001" + marker.Substring(1));
                var at = IndexOf(bytes, escaped, start);
                if (at < 0) throw new InvalidOperationException("Could not place a picture in the request body.");
                literals.Add(Slice(bytes, start, at - start));
                files.Add(file);
                start = at + escaped.Length;
            }
            literals.Add(Slice(bytes, start, bytes.Length - start));
            return new CreateRequestBody(literals, files);
        }

        private static byte[] Slice(byte[] bytes, int start, int count)
        {
            var slice = new byte[count];
            Buffer.BlockCopy(bytes, start, slice, 0, count);
            return slice;
        }

        private static int IndexOf(byte[] haystack, byte[] needle, int from)
        {
            for (var i = from; i <= haystack.Length - needle.Length; i++)
            {
                var match = true;
                for (var j = 0; j < needle.Length && match; j++) match = haystack[i + j] == needle[j];
                if (match) return i;
            }
            return -1;
        }
    }
}
