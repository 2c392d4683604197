"""Reasons not to publish, each in Chinese and English with its fix: a placeholder address or
filing number would go live in every footer and QR code, and a provider's default bucket
domain does not serve pages (OSS forces a download; COS buckets since 2024-01-01 and OBS since
2022-01-01 refuse HTML there): a hall needs its own ICP-filed domain bound to the bucket."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..placeholders import placeholder_filing_number, placeholder_site_url
from .targets import DEFAULT_BUCKET_DOMAINS, PRESETS, TargetSettings


def refusals(site_url: str | None, icp_number: str, psb_number: str, settings: TargetSettings,
             config_name: str = "mkdocs.yml") -> list[tuple[str, str]]:
    """Every reason found, as (Chinese, English) sentences that name the setting and the fix."""
    found: list[tuple[str, str]] = []
    if placeholder_site_url(site_url):
        found.append((f"{config_name} 的 site_url（{site_url or '空'}）还是示例网址：请改为展厅网站已备案的正式网址。",
                      f"site_url in {config_name} ({site_url or 'empty'}) is still a placeholder: set it to the hall's real, ICP-filed address."))
    else:
        host = (urlsplit(site_url or "").hostname or "").lower()
        if host.endswith(DEFAULT_BUCKET_DOMAINS):
            found.append((f"site_url 指向云存储的默认域名 {host}，它不能作为网页提供（会变成下载或被拒绝）："
                          "请在云存储控制台绑定已完成 ICP 备案的自有域名，再把 site_url 改为该域名。",
                          f"site_url points at the storage provider's default domain {host}, which does not serve web pages "
                          "(they download or are refused): bind your own ICP-filed domain to the bucket in the provider's "
                          "console, then set site_url to it."))
    if placeholder_filing_number(icp_number):
        found.append((f"{config_name} 中 hall 插件的 icp_number 还是占位（{icp_number or '空'}）：请填写工信部 ICP 备案号。",
                      f"icp_number of the hall plugin in {config_name} is still a placeholder ({icp_number or 'empty'}): "
                      "fill in the site's ICP filing number."))
    if placeholder_filing_number(psb_number):
        found.append((f"{config_name} 中 hall 插件的 psb_number 还是占位（{psb_number or '空'}）：请填写公安联网备案号。",
                      f"psb_number of the hall plugin in {config_name} is still a placeholder ({psb_number or 'empty'}): "
                      "fill in the public-security filing number (公安备案号)."))
    if settings.provider not in (*PRESETS, "folder"):
        found.append((f"{config_name} 的 publish.provider 应为 oss、cos、obs、s3 或 folder，这里是“{settings.provider or '空'}”。",
                      f"publish.provider in {config_name} must be oss, cos, obs, s3 or folder, not “{settings.provider or 'empty'}”."))
    elif settings.provider == "folder" and not settings.path:
        found.append((f"{config_name} 的 publish 缺少 path：写上网站服务器的站点目录，例如 /srv/hall。",
                      f"publish in {config_name} needs a path: the web server's site folder, e.g. /srv/hall."))
    elif settings.provider != "folder":
        if not settings.bucket:
            found.append((f"{config_name} 的 publish 缺少 bucket（存储桶名称）。", f"publish in {config_name} needs a bucket name."))
        if not (settings.region or settings.endpoint) and settings.provider != "s3":
            found.append((f"{config_name} 的 publish 缺少 region，例如 cn-hangzhou（OSS）、ap-beijing（COS）、cn-north-4（OBS）。",
                          f"publish in {config_name} needs a region, e.g. cn-hangzhou (OSS), ap-beijing (COS), cn-north-4 (OBS)."))
        endpoint = (urlsplit(settings.endpoint).hostname or "").lower()
        if settings.endpoint and endpoint.endswith(DEFAULT_BUCKET_DOMAINS) and endpoint.startswith(settings.bucket + "."):
            found.append(("publish.endpoint 写的是存储桶的默认域名：这里应写区域接入点（或留空用预设）。",
                          "publish.endpoint is the bucket's own default domain: give the region endpoint (or leave it out for the preset)."))
    return found
