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

#endif
