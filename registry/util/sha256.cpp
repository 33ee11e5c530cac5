#include "registry/util/sha256.hpp"

#include <openssl/evp.h>

#include <array>
#include <memory>

#include "registry/error.hpp"

namespace numreg {

namespace {

// The SHA-256 implementation, fetched once: EVP_sha256() with EVP_Digest looks
// the algorithm up under a lock on every call, and the journal hashes an
// entry per imported record.
const EVP_MD* sha256_md() {
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(
      EVP_MD_fetch(nullptr, "SHA256", nullptr), &EVP_MD_free);
  if (!md)
    throw Failure(make_error(ErrorKind::internal, "sha256", "libcrypto has no SHA-256"));
  return md.get();
}

// One digest context per thread, reset for each hash.
EVP_MD_CTX* context() {
  thread_local const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                                 &EVP_MD_CTX_free);
  return ctx.get();
}

}  // namespace

namespace {

[[noreturn]] void fail() {
  throw Failure(make_error(ErrorKind::internal, "sha256", "SHA-256 failed in libcrypto"));
}

std::string hex_of(const unsigned char* digest, size_t length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(length * 2, '\0');
  for (size_t i = 0; i < length; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0x0f];
  }
  return out;
}

}  // namespace

std::array<unsigned char, 32> sha256(std::string_view data) {
  std::array<unsigned char, 32> digest{};
  EVP_MD_CTX* ctx = context();
  if (EVP_DigestInit_ex(ctx, sha256_md(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx, data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx, digest.data(), nullptr) != 1) {
    fail();
  }
  return digest;
}

std::string sha256_hex(std::string_view data) {
  const std::array<unsigned char, 32> digest = sha256(data);
  return hex_of(digest.data(), digest.size());
}

Sha256Stream::Sha256Stream() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_, sha256_md(), nullptr) != 1) {
    EVP_MD_CTX_free(ctx_);
    fail();
  }
}

Sha256Stream::~Sha256Stream() {
  EVP_MD_CTX_free(ctx_);
}

void Sha256Stream::update(std::string_view data) {
  if (EVP_DigestUpdate(ctx_, data.data(), data.size()) != 1)
    fail();
}

std::string Sha256Stream::hex() {
  std::array<unsigned char, 32> digest{};
  if (EVP_DigestFinal_ex(ctx_, digest.data(), nullptr) != 1)
    fail();
  return hex_of(digest.data(), digest.size());
}

}  // namespace numreg
