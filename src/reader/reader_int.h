/* SPDX-License-Identifier: MIT
 * Private to the reader: the reader object shared by its files (source.c fills a window of
 * bytes; reader.c detects and hands out records; lines, JSON Lines and TREC containers split
 * the window), and the test knob that makes every read and iconv call tiny. */
#ifndef ZHNEWS_READER_READER_INT_H
#define ZHNEWS_READER_READER_INT_H

#include "reader/decode.h"
#include "reader/detect.h"
#include "zhnews/reader.h"

#define ZN__DETECT_SAMPLE ((size_t)1 << 16)

struct zn_reader {
    zn_reader_options opts;
    char *path;
    int fd;
    bool own_fd;
    size_t chunk;       // bytes per read() and per iconv call (zn__reader_set_chunk)
    size_t sample;      // bytes read before detection (ZN__DETECT_SAMPLE)
    char *chunk_buf;    // chunk + carry bytes
    // The window: ASCII-safe bytes not handed out yet are win.data[pos..win.len); they sit
    // at offset base + pos of the input (of the UTF-8 stream when transcoding).
    zn_buf win;
    size_t pos;
    size_t base;
    size_t scan;        // bytes after pos already searched for the current delimiter
    size_t line;        // 1-based line number at pos
    bool eof;           // nothing more will come into the window
    bool drained;       // the last read() returned less than asked: a pipe had no more yet
    // Inputs that are not ASCII-safe (UTF-16, UTF-32) are turned into UTF-8 as they are read.
    bool transcode;
    zn__decoder pre;
    char carry[8];      // the start of a sequence cut by the end of the last read
    size_t carry_len;
    size_t raw_offset;  // input bytes read so far
    size_t pre_invalid; // pre.invalid already attributed to records
    // What detection found, and the decoder of record bytes.
    bool started;
    bool finished;
    zn__encoding enc;
    zn__decoder dec;
    zn_input_format format;
    size_t index;       // records handed out
};

/* The unread bytes of the window (a valid empty string before anything was read). */
static inline const char *zn__window(const zn_reader *r)
{
    return r->win.data != NULL ? r->win.data + r->pos : "";
}

/* Test knob: bytes per read() and per iconv call (default 64 KiB), and a detection sample
 * of 32 times that (at least 32 bytes), so that even small files are read in many pieces.
 * Call before the first zn_reader_next; tests use tiny odd sizes so that sequences and tags
 * straddle every edge. */
void zn__reader_set_chunk(zn_reader *r, size_t bytes);

/* source.c: reads one more chunk into the window (through the transcoder when on); sets eof
 * at the end. Returns ZN_OK, ZN_ERR_IO, ZN_ERR_ENCODING (transcoding under fail),
 * ZN_ERR_NOMEM. */
zn_status zn__source_fill(zn_reader *r, zn_error *err) __attribute__((warn_unused_result));

/* source.c: fills until the window holds at least `n` bytes after pos or the input ends.
 * With `patient` false it also stops, once it holds a complete line, at a read that found no
 * more bytes waiting (a pipe fed line by line must not wait for a whole sample). */
zn_status zn__source_want(zn_reader *r, size_t n, bool patient, zn_error *err)
    __attribute__((warn_unused_result));

/* source.c: switches to transcoding: what the window holds is decoded from r->enc into
 * UTF-8 and so is everything read later. */
zn_status zn__source_start_transcoding(zn_reader *r, zn_error *err)
    __attribute__((warn_unused_result));

/* source.c: drops n bytes at pos from the window (they were handed out), counting lines. */
void zn__source_consume(zn_reader *r, size_t n);

/* source.c: for a regular file whose first sample is all ASCII, finds a later sample that is
 * not (read with pread, so the window is untouched): the bytes go to *out (caller frees with
 * zn_buf_clear); empty when the whole file is ASCII. */
zn_status zn__source_later_sample(zn_reader *r, zn_buf *out, bool *at_eof, zn_error *err)
    __attribute__((warn_unused_result));

/* reader.c: decodes bytes of the window into a new record of the reader's format. */
zn_status zn__reader_make_record(zn_reader *r, const char *bytes, size_t len, size_t raw_bytes,
                                 zn_record **out, zn_error *err)
    __attribute__((warn_unused_result));

/* reader.c: makes a record of the decoded text (taken from *text, which is left empty),
 * starting at `line`, that took raw_bytes of input. */
zn_status zn__reader_take_record(zn_reader *r, zn_buf *text, size_t line, size_t raw_bytes,
                                 zn_record **out, zn_error *err)
    __attribute__((warn_unused_result));

/* Container splitters: each hands out the next record, or *out NULL at the end. */
zn_status zn__next_text(zn_reader *r, zn_record **out, zn_error *err);
zn_status zn__next_line(zn_reader *r, zn_record **out, zn_error *err);
zn_status zn__next_jsonl(zn_reader *r, zn_record **out, zn_error *err);
zn_status zn__next_trec(zn_reader *r, zn_record **out, zn_error *err);

/* lines.c: finds the next line in the window: *len bytes without the newline (and a CR
 * before it), *used bytes including it. *found is false at the end of the input. */
zn_status zn__source_line(zn_reader *r, size_t *len, size_t *used, bool *found, zn_error *err)
    __attribute__((warn_unused_result));

/* trec.c: fills rec's text, id, title, date and meta_json from the decoded <doc> record in
 * text[0..len) (which rec does not own yet). Returns ZN_OK or ZN_ERR_NOMEM. */
zn_status zn__trec_fields(zn_record *rec, const char *text, size_t len, zn_error *err)
    __attribute__((warn_unused_result));

#endif
