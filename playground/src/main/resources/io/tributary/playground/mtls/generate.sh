#!/usr/bin/env bash
# Generates the playground's test PKI once; the outputs are committed. Not secrets: like badssl.com's published
# client certificate, they exist so that client-certificate (mTLS) connectors can be tried offline.
# Run from this directory: bash generate.sh   (needs openssl 3)
set -euo pipefail
days=36500   # 100 years: the committed files must not expire under the tests
pass=playground
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The certificate authority that signs the server and the client.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/ca.key" -out ca.pem -days $days \
  -subj "/CN=Tributary Playground Test CA" -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign"

# The server: 127.0.0.1 and localhost, in a PKCS#12 keystore with its chain.
openssl req -newkey rsa:2048 -nodes -keyout "$tmp/server.key" -out "$tmp/server.csr" -subj "/CN=127.0.0.1"
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > "$tmp/server.ext"
openssl x509 -req -in "$tmp/server.csr" -CA ca.pem -CAkey "$tmp/ca.key" -CAcreateserial -days $days \
  -extfile "$tmp/server.ext" -out "$tmp/server.pem"
openssl pkcs12 -export -inkey "$tmp/server.key" -in "$tmp/server.pem" -certfile ca.pem -name server \
  -passout pass:$pass -out server.p12

# The client the playground accepts: PEM certificate, PEM key encrypted with the passkey, and both as PKCS#12.
openssl req -newkey rsa:2048 -nodes -keyout "$tmp/client.key" -out "$tmp/client.csr" \
  -subj "/CN=tributary-playground-client"
printf 'extendedKeyUsage=clientAuth\n' > "$tmp/client.ext"
openssl x509 -req -in "$tmp/client.csr" -CA ca.pem -CAkey "$tmp/ca.key" -CAcreateserial -days $days \
  -extfile "$tmp/client.ext" -out client.pem
openssl pkcs8 -topk8 -in "$tmp/client.key" -v2 aes-256-cbc -passout pass:$pass -out client.key.pem
openssl pkcs12 -export -inkey "$tmp/client.key" -in client.pem -name client -passout pass:$pass -out client.p12

# A stranger: a self-signed client certificate the playground does not trust.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/stranger.key" -out stranger.pem -days $days \
  -subj "/CN=stranger" -addext "extendedKeyUsage=clientAuth"
openssl pkcs8 -topk8 -in "$tmp/stranger.key" -v2 aes-256-cbc -passout pass:$pass -out stranger.key.pem
rm -f ca.srl
