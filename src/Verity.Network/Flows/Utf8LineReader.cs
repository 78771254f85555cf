namespace Verity.Network.Flows;

/// <summary>
/// Splits a byte stream into lines without decoding it: the line is a slice of one reused buffer (valid until the
/// next call), without its <c>\n</c> or <c>\r\n</c>; a UTF-8 byte-order mark at the start is dropped. A line longer
/// than the buffer grows it. This keeps flow ingestion at one copy of the input and no per-line string.
/// </summary>
internal sealed class Utf8LineReader(Stream input, int bufferSize = 1 << 20)
{
    private byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    /// <summary>The next line's bounds in <see cref="Buffer"/>, or false at the end of the input.</summary>
    public bool TryReadLine(out int offset, out int length)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                (offset, length) = Trim(_start, newline);
                _start += newline + 1;
                return true;
            }
            if (_eof)
            {
                if (_start < _end)
                {
                    (offset, length) = Trim(_start, _end - _start);
                    _start = _end;
                    return true;
                }
                (offset, length) = (0, 0);
                return false;
            }
            Fill();
        }
    }

    public byte[] Buffer => _buffer;

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var read = input.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
        if (_first && _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _start = 3;
            _first = false;
        }
        else if (_end >= 3 || _eof) _first = false;
    }

    private (int, int) Trim(int offset, int length) =>
        length > 0 && _buffer[offset + length - 1] == '\r' ? (offset, length - 1) : (offset, length);
}
