from portal.comments.models import Comment


def test_with_a_shared_cache_the_limit_is_counted_there_not_in_the_stored_comments(
    post_comment, comment_data, settings
):
    settings.COMMENTS_RATE_CACHE = "default"
    settings.COMMENTS_RATE_LIMIT = 2
    post_comment(comment_data)
    post_comment(comment_data)
    Comment.objects.all().delete()

    response = post_comment(comment_data)

    assert not Comment.objects.exists()
    assert "thử lại sau" in response.content.decode()
    post_comment(comment_data, REMOTE_ADDR="198.51.100.9")
    assert Comment.objects.count() == 1
