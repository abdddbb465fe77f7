package deps

import "testing"

func TestNormalizeName(t *testing.T) {
	cases := map[string]string{
		"Django": "django", "python_dateutil": "python-dateutil", "zope.interface": "zope-interface",
		"Foo__Bar..baz": "foo-bar-baz", "a-_.b": "a-b", "PyYAML": "pyyaml", "requests": "requests",
	}
	for in, want := range cases {
		t.Run(in, func(t *testing.T) {
			if got := NormalizeName(in); got != want {
				t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
			}
		})
	}
}

func TestParseRequirement(t *testing.T) {
	cases := []struct {
		in                             string
		key, spec, marker, url, extras string
		pinned                         string
	}{
		{in: "requests", key: "requests"},
		{in: "requests==2.19.0", key: "requests", spec: "==2.19.0", pinned: "2.19.0"},
		{in: "Django >= 3.2 , < 4", key: "django", spec: ">=3.2,<4"},
		{in: "name (>=1.0)", key: "name", spec: ">=1.0"},
		{in: "requests[socks,security]==2.31.0", key: "requests", spec: "==2.31.0", extras: "socks,security", pinned: "2.31.0"},
		{in: `pywin32 >=1.0 ; sys_platform == "win32"`, key: "pywin32", spec: ">=1.0", marker: `sys_platform == "win32"`},
		{in: "pip @ https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee", key: "pip", url: "https://github.com/pypa/pip/archive/1.3.1.zip#sha1=da9234ee"},
		{in: `pkg @ file:///tmp/pkg.whl ; python_version >= "3.8"`, key: "pkg", url: "file:///tmp/pkg.whl", marker: `python_version >= "3.8"`},
		{in: "zope.interface===5.0", key: "zope-interface", spec: "===5.0", pinned: "5.0"},
		{in: "foo==1.0.*", key: "foo", spec: "==1.0.*"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			r, err := ParseRequirement(c.in)
			if err != nil {
				t.Fatal(err)
			}
			extras := ""
			for i, e := range r.Extras {
				if i > 0 {
					extras += ","
				}
				extras += e
			}
			if r.Key != c.key || r.Constraint.String() != c.spec || r.Marker != c.marker || r.URL != c.url || extras != c.extras {
				t.Errorf("got key %q spec %q marker %q url %q extras %q", r.Key, r.Constraint.String(), r.Marker, r.URL, extras)
			}
			v, ok := r.Pinned()
			if got := map[bool]string{true: v.String()}[ok]; got != c.pinned {
				t.Errorf("Pinned = %q, want %q", got, c.pinned)
			}
		})
	}
}

func TestParseRequirementRejects(t *testing.T) {
	for _, in := range []string{"", "==1.0", "-e .", "name[extra", "name @", "name >>1", "name (>=1.0", "-bad", "name[ex tra]==1"} {
		t.Run(in, func(t *testing.T) {
			if r, err := ParseRequirement(in); err == nil {
				t.Errorf("ParseRequirement(%q) = %+v, want an error", in, r)
			}
		})
	}
}
