package secrets

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/finding"
)

func TestShannon(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want float64
	}{
		{"empty", "", 0},
		{"one symbol", "aaaa", 0},
		{"two symbols evenly", "abab", 1},
		{"sixteen distinct", "0123456789abcdef", 4},
		{"skewed", "aaab", 0.8113},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shannon(tt.in); math.Abs(got-tt.want) > 0.001 {
				t.Errorf("shannon(%q) = %.4f, want %.4f", tt.in, got, tt.want)
			}
		})
	}
}

func TestJudgeValue(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		ok      bool
		charset charset
		conf    finding.Confidence
	}{
		{"random base62", "4WWlGG3vWxz9VFOLQuVXiZFf", true, charsetBase64, finding.ConfidenceHigh},
		{"random base62 at the 16 minimum", "hPB14Q7ZWQ7N4koN", true, charsetBase64, finding.ConfidenceMedium},
		{"base62 one below the minimum", "hPB14Q7ZWQ7N4ko", false, 0, 0},
		{"hex key", "8a67639f74080f56c5aa328f676226e2", true, charsetHex, finding.ConfidenceMedium},
		{"uuid", "d892aa68-bfcc-8c92-8344-b16103485a1c", true, charsetHex, finding.ConfidenceHigh},
		{"short hex", "8a67639f74080f5", false, 0, 0},
		{"password with symbols", "Kq4#vT9zLm2", true, charsetPassword, finding.ConfidenceLow},
		{"short base64 punctuation judged as password", "YlqD+i4i5C=AJ9", true, charsetPassword, finding.ConfidenceMedium},
		{"password too short", "Kq4#vT9", false, 0, 0},
		{"password without digit", "Kq#vTzLm!Xw", false, 0, 0},
		{"password of two classes", "4#9!2&7*1%5", false, 0, 0},
		{"no digit", "SuperSecretPasswordForProdXY", false, 0, 0},
		{"word with year", "Winter2024", false, 0, 0},
		{"identifier", "GITHUB_TOKEN_FROM_ENV_2", false, 0, 0},
		{"camel identifier", "accessTokenFromVault2", false, 0, 0},
		{"dotted reference", "settings.SECRET_KEY_V2", false, 0, 0},
		{"phrase", "correct horse battery staple 1", false, 0, 0},
		{"placeholder word", "example-4WWlGG3vWxz9VFOL", false, 0, 0},
		{"your key here", "your_api_key_here_123", false, 0, 0},
		{"template", "${DB_PASSWORD_123}", false, 0, 0},
		{"jinja", "{{ vault_db_password }}1", false, 0, 0},
		{"percent format", "%(db_password)s123", false, 0, 0},
		{"env reference", "$DB_PASSWORD_1234567", false, 0, 0},
		{"angle placeholder", "<your-api-key-1234>", false, 0, 0},
		{"masked", "****************1", false, 0, 0},
		{"x run", "xxxxxxxxxxxxxxxx1", false, 0, 0},
		{"sequence", "abcdefghijklmnopqrstuvwx1", false, 0, 0},
		{"repeated unit", "ab12ab12ab12ab12", false, 0, 0},
		{"sha256 digest", "sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6", false, 0, 0},
		{"sri integrity", "sha512-ZR0Vzgjb5B4b11fWn0l0SHFDl7RVYrNV1DeUGm3oE5hblxhY==", false, 0, 0},
		{"bcrypt hash", "$2b$12$ZR0Vzgjb5B4b11fWn0l0SHFDl7RVYrNV1DeUGm3oE5hbl", false, 0, 0},
		{"path", "/etc/ssl/private/server2.key", false, 0, 0},
		{"relative path", "./keys/id_rsa_2", false, 0, 0},
		{"windows path", `C:\keys\deploy2.pem`, false, 0, 0},
		{"url", "https://auth.example.com/oauth/token2", false, 0, 0},
		{"stripe publishable", "pk_live_PPatrolO6XyRWi6umL4aLfBD", false, 0, 0},
		{"number", "-0x3f87867f", false, 0, 0},
		{"float", "1.0e-12345678", false, 0, 0},
		{"all digits", "1234987654321234", false, 0, 0},
		{"base64 of a placeholder", "bm90IG15IHJlYWwgcGFzc3dvcmQ=", false, 0, 0},
		{"rfc 6749 example", "2YotnFZFEjr1zCsicMWpAA", false, 0, 0},
		{"whitespace", "4WWlGG3v Wxz9VFOLQuVXiZFf", false, 0, 0},
		{"non-ascii", "4WWlGG3vWxz9VFOLQuVXiZFf\u00e9", false, 0, 0},
		{"too long", strings.Repeat("4WWlGG3vWxz9VFOLQuVXiZFf", 50), false, 0, 0},
		{"empty", "", false, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := judgeValue(tt.in)
			if got.ok != tt.ok {
				t.Fatalf("judgeValue(%q).ok = %v, want %v (entropy %.2f)", tt.in, got.ok, tt.ok, shannon(tt.in))
			}
			if !tt.ok {
				return
			}
			if got.charset != tt.charset || got.confidence != tt.conf {
				t.Errorf("judgeValue(%q) = %s/%s, want %s/%s", tt.in, got.charset, got.confidence, tt.charset, tt.conf)
			}
		})
	}
}

func TestCharsetThreshold(t *testing.T) {
	tests := []struct {
		cs   charset
		n    int
		want float64
	}{
		{charsetHex, 16, 3.0},
		{charsetHex, 64, 3.0},
		{charsetBase64, 16, 0.85 * 4},
		{charsetBase64, 17, 0.85 * math.Log2(17)},
		{charsetBase64, 18, 3.5},
		{charsetBase64, 40, 3.5},
		{charsetPassword, 8, 0.9 * 3},
		{charsetPassword, 10, 0.9 * math.Log2(10)},
		{charsetPassword, 11, 3.0},
	}
	for _, tt := range tests {
		t.Run(tt.cs.String(), func(t *testing.T) {
			if got := tt.cs.threshold(tt.n); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("%s.threshold(%d) = %.3f, want %.3f", tt.cs, tt.n, got, tt.want)
			}
		})
	}
}

func TestNameSegments(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"AWS_SECRET_ACCESS_KEY", []string{"aws", "secret", "access", "key"}},
		{"apiKey", []string{"api", "key"}},
		{"APIKey", []string{"api", "key"}},
		{"clientSecretV2", []string{"client", "secret", "v", "2"}},
		{"db.password", []string{"db", "password"}},
		{"x-api-key", []string{"x", "api", "key"}},
		{"password2", []string{"password", "2"}},
		{"PASSWD", []string{"passwd"}},
		{"", nil},
		{"__", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := nameSegments(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("nameSegments(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSecretName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"password", true},
		{"DB_PASSWORD", true},
		{"db_password_2", true},
		{"passwd", true},
		{"pwd", true},
		{"smtp_pass", true},
		{"passphrase", true},
		{"secret", true},
		{"client_secret", true},
		{"clientSecret", true},
		{"token", true},
		{"auth_token", true},
		{"GITHUB_TOKEN", true},
		{"access_token_prod", true},
		{"api_key", true},
		{"apikey", true},
		{"APIKEY", true},
		{"apiKey", true},
		{"x-api-key", true},
		{"access_key", true},
		{"private_key", true},
		{"SECRET_KEY", true},
		{"SECRET_KEY_BASE", true},
		{"secret_value", true},
		{"credential", true},
		{"credentials", true},
		{"mytoken", true},
		{"dbpassword", true},
		{"self.password", true},
		{"config.db.password", true},
		{"pkcs8PrivateKeyHex", true},

		{"token_count", false},
		{"password_field_name", false},
		{"secret_santa_enabled", false},
		{"secret_santa", false},
		{"token_hash", false},
		{"hashed_password", false},
		{"password_hash", false},
		{"public_key", false},
		{"publishable_key", false},
		{"csrf_token", false},
		{"csrftoken", false},
		{"next_page_token", false},
		{"max_tokens", false},
		{"tokens", false},
		{"key", false},
		{"keys", false},
		{"sort_key", false},
		{"primary_key", false},
		{"private_key_id", false},
		{"client_id", false},
		{"access_key_id", false},
		{"password_policy", false},
		{"password_file", false},
		{"token_url", false},
		{"API_KEY_HEADER", false},
		{"bypass", false},
		{"compass", false},
		{"passwordless", false},
		{"keyboard", false},
		{"is_password_valid", false},
		{"use_token", false},
		{"fake_password", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := secretName(tt.name); got != tt.want {
				t.Errorf("secretName(%q) = %v, want %v (segments %q)", tt.name, got, tt.want, nameSegments(tt.name))
			}
		})
	}
}

func TestWordLike(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"GITHUB_TOKEN", true},
		{"accessTokenFromVault", true},
		{"Winter2024", true},
		{"internal/secrets/testdata/PP101/aws", true},
		{"", true},
		{"4WWlGG3vWxz9VFOLQuVXiZFf", false},
		{"8a67639f74080f56c5aa328f676226e2", false},
		{"Kq4#vT9zLm2", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := wordLike(tt.in); got != tt.want {
				t.Errorf("wordLike(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
