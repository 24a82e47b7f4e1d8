<#
.SYNOPSIS
    Writes the demo's sample pictures (small PNGs of simple scenes) into samples/images.
.DESCRIPTION
    The repository ships the output; this script shows how it was made and remakes it. It writes PNG by hand
    (zlib from .NET, CRC-32 here) so it needs nothing beyond PowerShell 7.
#>
[CmdletBinding()]
param([string] $OutputFolder = (Join-Path $PSScriptRoot 'images'))

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$crcTable = [uint32[]]::new(256)
for ($n = 0; $n -lt 256; $n++) {
    $c = [uint32]$n
    for ($k = 0; $k -lt 8; $k++) { $c = if ($c -band 1) { 0xEDB88320u -bxor ($c -shr 1) } else { $c -shr 1 } }
    $crcTable[$n] = $c
}

function Get-Crc32([byte[]] $Bytes) {
    $crc = [uint32]::MaxValue
    foreach ($b in $Bytes) { $crc = $crcTable[($crc -bxor $b) -band 0xFF] -bxor ($crc -shr 8) }
    $crc -bxor [uint32]::MaxValue
}

function Get-BigEndian([uint32] $Value) {
    $bytes = [BitConverter]::GetBytes($Value); [Array]::Reverse($bytes); $bytes
}

function Write-Chunk([IO.Stream] $Stream, [string] $Type, [byte[]] $Data) {
    $typeBytes = [Text.Encoding]::ASCII.GetBytes($Type)
    $Stream.Write((Get-BigEndian $Data.Length), 0, 4)
    $Stream.Write($typeBytes, 0, 4)
    if ($Data.Length) { $Stream.Write($Data, 0, $Data.Length) }
    $Stream.Write((Get-BigEndian (Get-Crc32 ($typeBytes + $Data))), 0, 4)
}

function New-Png([string] $Path, [int] $Width, [int] $Height, [scriptblock] $Pixel) {
    $raw = [IO.MemoryStream]::new()
    for ($y = 0; $y -lt $Height; $y++) {
        $raw.WriteByte(0) # filter: none
        for ($x = 0; $x -lt $Width; $x++) {
            $r, $g, $b = & $Pixel $x $y
            $raw.WriteByte([byte]$r); $raw.WriteByte([byte]$g); $raw.WriteByte([byte]$b)
        }
    }
    $packed = [IO.MemoryStream]::new()
    $zlib = [IO.Compression.ZLibStream]::new($packed, [IO.Compression.CompressionLevel]::SmallestSize, $true)
    $raw.Position = 0; $raw.CopyTo($zlib); $zlib.Dispose()
    $file = [IO.File]::Create($Path)
    try {
        $file.Write([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A), 0, 8)
        $header = (Get-BigEndian $Width) + (Get-BigEndian $Height) + [byte[]](8, 2, 0, 0, 0)
        Write-Chunk $file 'IHDR' $header
        Write-Chunk $file 'IDAT' $packed.ToArray()
        Write-Chunk $file 'IEND' ([byte[]]@())
    }
    finally { $file.Dispose() }
}

$null = New-Item -ItemType Directory -Force -Path $OutputFolder
$w = 160; $h = 90

# A sunset: sky gradient, a sun, a dark sea.
New-Png (Join-Path $OutputFolder 'sunset.png') $w $h {
    param($x, $y)
    $dx = $x - 80; $dy = $y - 52
    if ($y -gt 60) { return 20, (30 + $y / 3), (60 + $y / 2) }
    if ($dx * $dx + $dy * $dy -lt 180) { return 255, 220, 120 }
    255, (90 + $y * 2), (60 + $y)
}

# A lighthouse: a striped tower on a rock under a blue sky.
New-Png (Join-Path $OutputFolder 'lighthouse.png') $w $h {
    param($x, $y)
    if ($y -gt 75) { return 90, 80, 70 }
    if ($x -ge 72 -and $x -lt 88 -and $y -gt 20) { if ([math]::Floor($y / 8) % 2) { return 230, 40, 40 } else { return 245, 245, 245 } }
    if ($x -ge 70 -and $x -lt 90 -and $y -gt 12 -and $y -le 20) { return 255, 230, 90 }
    (110 + $y), (170 + $y / 2), 250
}

# A meadow: green hills with a red kite.
New-Png (Join-Path $OutputFolder 'meadow.png') $w $h {
    param($x, $y)
    $hill = 60 + 8 * [math]::Sin($x / 18)
    if ($y -gt $hill) { return 40, (140 + ($x % 7) * 3), 60 }
    if ([math]::Abs($x - 115) + [math]::Abs($y - 25) -lt 9) { return 220, 30, 50 }
    150, 200, 255
}
Get-ChildItem $OutputFolder -Filter *.png
