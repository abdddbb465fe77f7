provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAPPATROL37HPOLVIS"
  secret_key = "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"  # want: PP102
}

resource "aws_s3_object" "readme" {
  bucket = "reports"
  key    = "readme.txt"
  etag   = "21c5b75a1ad69534f07c37e255eb8a1c09540999"
}

variable "aws_secret_key" {
  type      = string
  sensitive = true
}
