// Wrappers for OpenSSL's macro-based APIs and a passphrase callback that never prompts.
#ifndef SFCONNECT_COPENSSL_SHIM_H
#define SFCONNECT_COPENSSL_SHIM_H
#include <string.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

/// Passphrase callback: copies the passphrase given as `u` (a NUL-terminated string), or
/// returns -1 when there is none, so OpenSSL never prompts on the terminal.
static inline int sfc_pem_password_cb(char *buf, int size, int rwflag, void *u) {
    (void)rwflag;
    if (u == NULL) return -1;
    const char *pass = (const char *)u;
    size_t len = strlen(pass);
    if ((int)len > size) return -1;
    memcpy(buf, pass, len);
    return (int)len;
}

static inline EVP_PKEY *sfc_read_private_key(BIO *bio, const char *passphrase) {
    return PEM_read_bio_PrivateKey(bio, NULL, sfc_pem_password_cb, (void *)passphrase);
}

static inline BIO *sfc_bio_new_mem(const void *buf, int len) { return BIO_new_mem_buf(buf, len); }
static inline int sfc_pkey_id(const EVP_PKEY *k) { return EVP_PKEY_get_id(k); }
static inline int sfc_pkey_bits(const EVP_PKEY *k) { return EVP_PKEY_get_bits(k); }
static inline int sfc_pkey_rsa_type(void) { return EVP_PKEY_RSA; }
static inline int sfc_pkey_ec_type(void) { return EVP_PKEY_EC; }
static inline EVP_MD_CTX *sfc_md_ctx_new(void) { return EVP_MD_CTX_new(); }
static inline void sfc_md_ctx_free(EVP_MD_CTX *c) { EVP_MD_CTX_free(c); }
static inline const EVP_MD *sfc_sha256(void) { return EVP_sha256(); }
static inline int sfc_digest_verify_init_public(EVP_MD_CTX *ctx, EVP_PKEY *pkey) {
    return EVP_DigestVerifyInit(ctx, NULL, EVP_sha256(), NULL, pkey);
}
static inline EVP_PKEY *sfc_read_public_key(BIO *bio) { return PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL); }
static inline X509 *sfc_read_x509(BIO *bio) { return PEM_read_bio_X509(bio, NULL, NULL, NULL); }
static inline unsigned long sfc_err_get(void) { return ERR_get_error(); }
static inline void sfc_err_clear(void) { ERR_clear_error(); }
static inline int sfc_err_reason(unsigned long e) { return ERR_GET_REASON(e); }

#endif
