package deps

import "testing"

func TestTyposquat(t *testing.T) {
	d := NewSquatDetector(nil, []string{"My_Internal.Lib", "reqeusts-internal"})
	squats := map[string]string{
		"reqeusts":           "requests", // swap
		"requets":            "requests", // deletion
		"requestss":          "requests", // insertion
		"0requests":          "requests", // a real MAL- package
		"djnago":             "django",
		"urlib3":             "urllib3",
		"python-dateutils":   "python-dateutil",
		"scikitlearn":        "scikit-learn", // separators
		"py-yaml":            "pyyaml",
		"beautiful-soup4":    "beautifulsoup4",
		"djang0":             "django", // look-alike
		"crypt0graphy":       "cryptography",
		"co1orama":           "colorama",
		"matplotlb":          "matplotlib",
		"typing-extension":   "typing-extensions",
		"charset-normaliser": "charset-normalizer",
	}
	for name, target := range squats {
		t.Run("squat "+name, func(t *testing.T) {
			s, ok := d.Check(NormalizeName(name))
			if !ok || s.Target != target {
				t.Errorf("Check(%q) = %+v, %v; want a squat of %s", name, s, ok, target)
			}
		})
	}
	legit := []string{
		"requests", "Django", "python_dateutil", "requests-oauthlib", "types-requests", "python-dateutil", "flask-cors",
		"pytest-cov", "six", "tox", "attr", "attrs", "jinja", "jinja2", "numpy", "boto", "boto3", "httpx", "my-internal-lib",
		"sqlalchemy-utils", "django-filter", "psycopg", "psycopg2", "pandas-stubs", "tomli", "toml", "uv", "ruff",
		"mypy-boto3-ec2", "mypy-boto3-sqs", "jsonpath-rw", "pathlib", "unicorn", "fastapi-users", "pydantic-settings",
		"opencv-contrib-python", "google-cloud-spanner", "azure-storage-queue", "pyserial", "serial", "pandasql",
		"coveralls", "pypyodbc", "typing", "asyncio", "reqeusts-internal", "zope.interface", "ruamel.yaml",
		"pytest-django", "flask-admin", "blake3", "markdown", "markdown2",
	}
	for _, name := range legit {
		t.Run("legit "+name, func(t *testing.T) {
			if s, ok := d.Check(NormalizeName(name)); ok {
				t.Errorf("Check(%q) = %+v; want no squat", name, s)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	cases := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"requests", "requests", 2, 0},
		{"reqeusts", "requests", 2, 1},
		{"requets", "requests", 2, 1},
		{"kitten", "sitting", 5, 3},
		{"kitten", "sitting", 1, 2},
		{"", "abc", 5, 3},
		{"abc", "", 1, 2},
		{"ca", "abc", 5, 3},
	}
	for _, c := range cases {
		t.Run(c.a+"/"+c.b, func(t *testing.T) {
			if got := editDistance(c.a, c.b, c.limit); got != c.want {
				t.Errorf("editDistance = %d, want %d", got, c.want)
			}
		})
	}
}
