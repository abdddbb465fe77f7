package client

import "os"

const apiToken = "jDQl2Kvf8THRXfEuzcrJaBnx" // want: PP110

var signingKey string = "8a67639f74080f56c5aa328f676226e2" // want: PP110

// Look-alikes.
const tokenHeader = "X-Auth-Token"
const passwordMinLength = 12

type Config struct {
	Password string `json:"password" yaml:"password"`
	APIKey   string `json:"api_key"`
}

func defaults() Config {
	return Config{
		Password: os.Getenv("APP_PASSWORD"),
		APIKey:   "OnCqIz0Wiw8SE7diV3TM", // want: PP110
	}
}

func tokenCount(s string) int { return len(s) }
