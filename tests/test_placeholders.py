"""The sample's placeholder settings are recognised, real ones are not."""

import pytest

from hall.outputs.placeholders import placeholder_filing_number, placeholder_site_url


@pytest.mark.parametrize("url", ["https://hall.example.cn/", "", "  ", "http://localhost:8000/", "http://127.0.0.1/",
                                 "ftp://hall.cn/", "https://hall.test/", "https://example.com/x/"])
def test_placeholder_addresses_are_recognised(url):
    assert placeholder_site_url(url)


@pytest.mark.parametrize("url", ["https://www.xxmzt.gov.cn/", "http://hall.county.gov.cn/exhibition/",
                                 "https://examples.cn/"])
def test_real_addresses_are_not_placeholders(url):
    assert not placeholder_site_url(url)


@pytest.mark.parametrize("number", ["X ICP备00000000号-1", "X公网安备00000000000000号", "", "00000000000000"])
def test_sample_filing_numbers_are_placeholders(number):
    assert placeholder_filing_number(number)


@pytest.mark.parametrize("number", ["滇ICP备12345678号-1", "滇公网安备53010202000123号"])
def test_real_filing_numbers_are_not_placeholders(number):
    assert not placeholder_filing_number(number)
