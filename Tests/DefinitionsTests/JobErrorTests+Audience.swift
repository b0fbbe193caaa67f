import Definitions
import Foundation
import Testing

@Suite("Job files: audience problems")
struct JobAudienceErrorTests {
    @Test("an audience with both where and members, or neither, is an error")
    func bothOrNeither() {
        #expect(problems("kind: audience\nname: a\nwhere: x = 1\nmembers: m.txt\n") == [
            "job.yaml:4: members: cannot be used together with where; an audience is either a where expression or a members file."])
        #expect(problems("kind: audience\nname: a\n") == [
            "job.yaml:1: where: is required: write a SQL expression over profile fields, or give members: a file of unique ids."])
    }

    @Test("name is required and limited to name characters; members must exist")
    func nameAndMembers() {
        #expect(problems("kind: audience\nwhere: x = 1\n") == [
            "job.yaml:1: name: is required: give the audience a name (e.g. working_leads)."])
        #expect(problems("kind: audience\nname: Working Leads;\nwhere: x = 1\n") == [
            "job.yaml:2: name: 'Working Leads;' is not an audience name (letters, digits, '_', '-' and '.')."])
        #expect(problems("kind: audience\nname: a\nmembers: /nonexistent/m.txt\n") == [
            "job.yaml:3: members: '/nonexistent/m.txt' does not exist or cannot be read (looked for /nonexistent/m.txt)."])
        #expect(problems("kind: audience\nname: a\nwhere: x = 1\nauthorization: simulator\n") == [
            "job.yaml:4: authorization: is not a known key."])
    }

    @Test("a where expression with unbalanced quotes or parentheses, or two statements, is caught early")
    func whereShape() {
        #expect(problems("kind: audience\nname: a\nwhere: \"status = 'Working\"\n") == [
            "job.yaml:3: where: has an unclosed ' quote."])
        #expect(problems("kind: audience\nname: a\nwhere: (a = 1 OR b = 2\n") == [
            "job.yaml:3: where: has a '(' without its ')'."])
        #expect(problems("kind: audience\nname: a\nwhere: a = 1)\n") == [
            "job.yaml:3: where: has a ')' without its '('."])
        #expect(problems("kind: audience\nname: a\nwhere: a = 1; DROP TABLE profiles\n") == [
            "job.yaml:3: where: must be one expression; remove the ';'."])
        #expect(problems("kind: audience\nname: a\nwhere: \"name = 'O''Brien' AND note = 'a;b (c'\"\n").isEmpty)
    }
}
