# Recomputes the fixed KS test vectors in tests/ks_vectors.rs: python3 tests/it/vectors/ks_vectors.py
# (needs the `cryptography` package). Independent of the Rust code on purpose.
# Independent KS vectors (Python hashlib + cryptography), per kaltura-api-facts §2.
import base64, hashlib, urllib.parse
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

def v2(secret, pid, priv_pairs, e, t, u, rand):
    pairs = priv_pairs + [("_e", str(e)), ("_t", str(t)), ("_u", u)]
    q = urllib.parse.urlencode(pairs).encode()
    rest = rand + q
    plain = hashlib.sha1(rest).digest() + rest
    if len(plain) % 16: plain += b"\0" * (16 - len(plain) % 16)
    key = hashlib.sha1(secret.encode()).digest()[:16]
    enc = Cipher(algorithms.AES(key), modes.CBC(b"\0"*16)).encryptor()
    ct = enc.update(plain) + enc.finalize()
    tok = b"v2|" + str(pid).encode() + b"|" + ct
    return base64.b64encode(tok).decode().replace("+", "-").replace("/", "_"), q.decode()

def v1(secret, pid, e, t, rand, u, priv):
    fields = ";".join([str(pid), str(pid), str(e), str(t), rand, u, priv, "", ""])
    sig = hashlib.sha1((secret + fields).encode()).hexdigest()
    return base64.b64encode((sig + "|" + fields).encode()).decode()

print(v2("FAKE-demo-admin-secret-0001", 2506752, [("sview", "1_demo0003"), ("actionslimit", "5")], 1714086400, 0, "demo-user", bytes(range(16))))
print(v2("FAKE-demo-admin-secret-0001", 2506752, [("all", "*")], 1714086400, 2, "", bytes([0xff]*16)))
print(v1("FAKE-legacy-admin-secret-0002", 1000001, 1714086400, 0, "1714000000.1234", "legacy-user", "sview:1_legacy01"))
for h in ["sha1","sha256","sha512","md5"]:
    print(h, hashlib.new(h, b"KSVALUE" + b"feedface00000000000000000000a001").hexdigest())
