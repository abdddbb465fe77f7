package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDependencySettings(t *testing.T) {
	dir := t.TempDir()
	write := func(body string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, FileName), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("[patchpatrol.dependencies]\nallow = [\"reqeusts-internal\", \"my_lib\"]\nosv_url = \"http://osv.example.com\"\noffline = true\nrequire_advisories = true\n")
	f, warns, err := Load(dir, "")
	if err != nil || len(warns) != 1 || !strings.Contains(warns[0].String(), "osv_url") {
		t.Fatalf("load: %v %v, want one warning about osv_url", err, warns)
	}
	s := Defaults()
	s.ApplyFile(f)
	d := s.Dependencies
	if strings.Join(d.Allow, ",") != "reqeusts-internal,my_lib" || !d.Offline || !d.RequireAdvisories {
		t.Errorf("settings %+v", d)
	}
	// A repository may not choose where its advisories come from...
	if d.OSVURL != "" {
		t.Errorf("untrusted osv_url applied: %q", d.OSVURL)
	}
	// ... unless the user trusts it.
	s.ApplyUntrusted(f)
	if s.Dependencies.OSVURL != "http://osv.example.com" {
		t.Errorf("trusted osv_url not applied: %q", s.Dependencies.OSVURL)
	}
	env := map[string]string{"PATCHPATROL_OSV_URL": "http://127.0.0.1:8080"}
	if err := s.ApplyEnv(func(k string) string { return env[k] }); err != nil {
		t.Fatal(err)
	}
	if s.Dependencies.OSVURL != "http://127.0.0.1:8080" || s.Sources["dependencies.osv_url"] != EnvSource("PATCHPATROL_OSV_URL") {
		t.Errorf("env did not win: %q from %s", s.Dependencies.OSVURL, s.Sources["dependencies.osv_url"])
	}
	for name, body := range map[string]string{
		"bad name": "[patchpatrol.dependencies]\nallow = [\"not a name\"]\n",
		"bad url":  "[patchpatrol.dependencies]\nosv_url = \"ftp://x\"\n",
		"not bool": "[patchpatrol.dependencies]\noffline = \"yes\"\n",
	} {
		t.Run(name, func(t *testing.T) {
			write(body)
			if _, _, err := Load(dir, ""); err == nil || !strings.Contains(err.Error(), "dependencies.") {
				t.Errorf("err %v, want one naming the key", err)
			}
		})
	}
	env["PATCHPATROL_OSV_URL"] = "not a url"
	if err := Defaults().ApplyEnv(func(k string) string { return env[k] }); err == nil {
		t.Error("a bad PATCHPATROL_OSV_URL was accepted")
	}
}
