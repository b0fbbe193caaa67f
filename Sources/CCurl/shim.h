// Typed, non-variadic wrappers for libcurl's variadic APIs, so Swift can call them.
#ifndef SFCONNECT_CCURL_SHIM_H
#define SFCONNECT_CCURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*sfc_curl_data_cb)(char *ptr, size_t size, size_t nmemb, void *userdata);
typedef int (*sfc_curl_sockopt_cb)(void *clientp, curl_socket_t fd, curlsocktype purpose);

static inline CURLcode sfc_easy_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sfc_easy_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sfc_easy_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sfc_easy_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sfc_easy_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sfc_easy_setopt_datacb(CURL *h, CURLoption o, sfc_curl_data_cb v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode sfc_easy_setopt_share(CURL *h, CURLSH *s) { return curl_easy_setopt(h, CURLOPT_SHARE, s); }

static inline CURLcode sfc_easy_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode sfc_easy_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode sfc_easy_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode sfc_easy_getinfo_string(CURL *h, CURLINFO i, char **v) { return curl_easy_getinfo(h, i, v); }

static inline CURLSHcode sfc_share_setopt_long(CURLSH *s, CURLSHoption o, long v) { return curl_share_setopt(s, o, v); }
static inline CURLMcode sfc_multi_setopt_long(CURLM *m, CURLMoption o, long v) { return curl_multi_setopt(m, o, v); }

/* gzip (RFC 1952) via zlib; deflateInit2/inflateInit2 are macros, so wrap them here. */
#include <zlib.h>
#include <stdlib.h>
#include <string.h>

/* Compresses `in` into a malloc'd gzip buffer (*out, *outLen). Returns 0 on success. */
static inline int sfc_gzip_compress(const unsigned char *in, size_t inLen, unsigned char **out, size_t *outLen) {
    z_stream s; memset(&s, 0, sizeof s);
    if (deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    size_t cap = (size_t)deflateBound(&s, (uLong)inLen) + 64;
    unsigned char *buf = (unsigned char *)malloc(cap ? cap : 64);
    if (!buf) { deflateEnd(&s); return -1; }
    size_t done = 0; int r = Z_OK;
    s.next_out = buf; s.avail_out = (uInt)cap;
    while (r != Z_STREAM_END) {
        size_t chunk = inLen - done; if (chunk > (1u << 30)) chunk = (1u << 30);
        s.next_in = (Bytef *)(in + done); s.avail_in = (uInt)chunk;
        int flush = (done + chunk == inLen) ? Z_FINISH : Z_NO_FLUSH;
        r = deflate(&s, flush);
        if (r != Z_OK && r != Z_STREAM_END) { deflateEnd(&s); free(buf); return -1; }
        done += chunk - s.avail_in;
        if (s.avail_out == 0 && r != Z_STREAM_END) { deflateEnd(&s); free(buf); return -1; }
    }
    *outLen = (size_t)s.total_out; *out = buf;
    deflateEnd(&s);
    return 0;
}

/* Decompresses a gzip buffer into a malloc'd buffer, refusing output above maxOut. Returns 0 on success. */
static inline int sfc_gzip_decompress(const unsigned char *in, size_t inLen, size_t maxOut, unsigned char **out, size_t *outLen) {
    z_stream s; memset(&s, 0, sizeof s);
    if (inflateInit2(&s, 15 + 16) != Z_OK) return -1;
    size_t cap = inLen * 4 + 1024, len = 0;
    unsigned char *buf = (unsigned char *)malloc(cap);
    if (!buf) { inflateEnd(&s); return -1; }
    s.next_in = (Bytef *)in; s.avail_in = (uInt)inLen;
    int r = Z_OK;
    while (r != Z_STREAM_END) {
        if (len == cap) {
            if (cap >= maxOut) { inflateEnd(&s); free(buf); return -2; }
            cap *= 2; unsigned char *nb = (unsigned char *)realloc(buf, cap);
            if (!nb) { inflateEnd(&s); free(buf); return -1; }
            buf = nb;
        }
        s.next_out = buf + len; s.avail_out = (uInt)(cap - len);
        r = inflate(&s, Z_NO_FLUSH);
        len = cap - s.avail_out;
        if (r != Z_OK && r != Z_STREAM_END) { inflateEnd(&s); free(buf); return -1; }
        if (r == Z_OK && s.avail_in == 0 && s.avail_out != 0) { inflateEnd(&s); free(buf); return -1; }
    }
    inflateEnd(&s);
    *out = buf; *outLen = len;
    return len > maxOut ? (free(buf), -2) : 0;
}

#endif
